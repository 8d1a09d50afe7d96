using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A ClusteringModel scored by the interpreter's comparison loop over inputs the compiled derived fields produce, with
/// the per-cluster affinities in a workspace buffer so a record allocates nothing.
/// </summary>
internal sealed class CompiledClustering(ClusteringPlan plan, int id, Func<RowContext, int, Value>?[] outputs, Func<int, int> reserve)
    : CompiledModel(plan, id, outputs)
{
    private readonly int _affinities = reserve(plan.Clusters.Length);

    protected override void Score(Workspace workspace, ModelResult result) =>
        ClusteringInterpreter.Score(plan, workspace.Row, result, workspace.Buffers[_affinities]);
}
