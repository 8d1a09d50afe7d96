using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>An association or sequence model, with one match per thread.</summary>
internal sealed class CompiledRuleMatch(ModelPlan plan, int id, Func<RowContext, int, Value>?[] outputs, Func<IRuleMatch> create)
    : CompiledModel(plan, id, outputs)
{
    public override object CreateState() => create();

    protected override void Score(Workspace workspace, ModelResult result)
    {
        var match = (IRuleMatch)workspace.States[Id]!;
        match.Read(workspace.Row);
        result.Rules = match;
    }
}
