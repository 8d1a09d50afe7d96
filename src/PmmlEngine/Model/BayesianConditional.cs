using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>
/// One row of a conditional table: the parents' values it applies to, then the node's value probabilities or its
/// continuous distribution (NormalDistributionForBN etc. with constant parameters).
/// </summary>
public sealed record BayesianConditional(
    ImmutableArray<(string Parent, string Value)> Parents,
    ImmutableArray<(string Value, double Probability)> Probabilities,
    BayesianDistribution? Distribution);
