using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>A Scorecard with compiled attribute predicates and partial-score expressions; the summing is the interpreter's.</summary>
internal sealed class CompiledScorecard : CompiledModel
{
    private readonly ScorecardPlan _plan;
    private readonly Func<ScorecardAttributePlan, RowContext, Truth> _test;
    private readonly Func<ScorecardAttributePlan, RowContext, Value> _complex;

    public CompiledScorecard(ScorecardPlan plan, int id, Func<RowContext, int, Value>?[] outputs,
        Func<RowContext, int, Truth>[] predicates, Func<RowContext, int, Value>?[] expressions) : base(plan, id, outputs)
    {
        _plan = plan;
        _test = (attribute, row) => predicates[attribute.Index](row, attribute.Index);
        _complex = (attribute, row) => expressions[attribute.Index] is { } compiled
            ? compiled(row, attribute.Index)
            : ExpressionInterpreter.Evaluate(attribute.Complex!, row, []);
    }

    /// <summary>The reason-code tally, one per thread.</summary>
    public override object CreateState() => new ReasonCodeTally(_plan.ReasonCodes);

    protected override void Score(Workspace workspace, ModelResult result) =>
        ScorecardInterpreter.Score(_plan, workspace.Row, result, (ReasonCodeTally)workspace.States[Id]!, _test, _complex);
}
