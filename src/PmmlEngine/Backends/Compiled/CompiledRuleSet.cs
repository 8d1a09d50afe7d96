using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>A RuleSetModel with its rules' predicates compiled; selection is the interpreter's, so both agree by construction.</summary>
internal sealed class CompiledRuleSet : CompiledModel
{
    private readonly RuleSetPlan _plan;
    private readonly Func<RulePlan, RowContext, Truth> _test;

    public CompiledRuleSet(RuleSetPlan plan, int id, Func<RowContext, int, Value>?[] outputs, Func<RowContext, int, Truth>[] predicates)
        : base(plan, id, outputs)
    {
        _plan = plan;
        _test = (rule, row) => predicates[rule.Index](row, rule.Index);
    }

    /// <summary>The firing-rule buffer, one per thread, so a record allocates nothing for it.</summary>
    public override object CreateState() => new List<RulePlan>();

    protected override void Score(Workspace workspace, ModelResult result) =>
        RuleSetInterpreter.Select(_plan, workspace.Row, result, _test, (List<RulePlan>)workspace.States[Id]!);
}
