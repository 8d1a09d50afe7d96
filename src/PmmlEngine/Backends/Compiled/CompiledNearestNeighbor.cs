using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>A NearestNeighborModel over compiled inputs with one search (buffers, k-d tree stack) per thread.</summary>
internal sealed class CompiledNearestNeighbor(NearestNeighborPlan plan, int id, Func<RowContext, int, Value>?[] outputs)
    : CompiledModel(plan, id, outputs)
{
    public override object CreateState() => new NeighborSearch(plan);

    protected override void Score(Workspace workspace, ModelResult result) =>
        NearestNeighborInterpreter.Score(plan, workspace.Row, result, (NeighborSearch)workspace.States[Id]!);
}
