using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>PMML 4.4 BayesianNetworkModel: discrete and continuous nodes with their conditional distributions.</summary>
public sealed record BayesianNetworkModel : ModelElement
{
    public required ImmutableArray<BayesianNode> Nodes { get; init; }
}
