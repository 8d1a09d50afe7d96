using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>An AssociationModel with its item flags in a per-thread match.</summary>
internal sealed class CompiledAssociation(AssociationPlan plan, int id, Func<RowContext, int, Value>?[] outputs) : CompiledModel(plan, id, outputs)
{
    public override object CreateState() => new AssociationMatch(plan);

    protected override void Score(Workspace workspace, ModelResult result) =>
        AssociationInterpreter.Score(workspace.Row, result, (AssociationMatch)workspace.States[Id]!);
}
