using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>A BayesianNetworkModel over compiled inputs, its node states and posterior in per-thread buffers.</summary>
internal sealed class CompiledBayesianNetwork(BayesianNetworkPlan plan, int id, Func<RowContext, int, Value>?[] outputs, Func<int, int> reserve)
    : CompiledModel(plan, id, outputs)
{
    private readonly int _posterior = reserve(plan.Target.Categories.Length);

    public override object CreateState() => (Observed: new int[plan.Nodes.Length], States: new int[plan.Nodes.Length]);

    protected override void Score(Workspace workspace, ModelResult result)
    {
        var (observed, states) = ((int[], int[]))workspace.States[Id]!;
        BayesianNetworkInterpreter.Score(plan, workspace.Row, result, observed, states, workspace.Buffers[_posterior]);
    }
}
