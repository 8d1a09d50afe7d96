using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A Bayesian network in topological order, its conditional tables flattened by parent configuration.</summary>
public sealed class BayesianNetworkPlan : ModelPlan
{
    public required BayesianNodePlan[] Nodes { get; init; }

    /// <summary>The target's node; its states are the target's categories.</summary>
    public required int TargetNode { get; init; }
}

/// <summary>
/// A node: the slot holding its evidence (-1 if none), its states (discrete), its parents (earlier nodes, all discrete)
/// and, per parent configuration (mixed radix over the parents' states, first parent most significant), the
/// probabilities of its states or its distribution.
/// </summary>
public sealed record BayesianNodePlan(string Name, int Slot, Value[] States, int[] Parents, double[][] Probabilities, BayesianDistribution?[] Distributions)
{
    public bool Continuous => States.Length == 0;
}
