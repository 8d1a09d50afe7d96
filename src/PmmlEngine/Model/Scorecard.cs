using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>
/// PMML Scorecard: the initial score plus one partial score per characteristic, with reason codes ranked by how far
/// each partial score falls below (or above) its baseline.
/// </summary>
public sealed record Scorecard : ModelElement
{
    public double InitialScore { get; init; }
    public bool UseReasonCodes { get; init; } = true;
    public ReasonCodeAlgorithm ReasonCodeAlgorithm { get; init; }
    public double? BaselineScore { get; init; }
    public required ImmutableArray<Characteristic> Characteristics { get; init; }
}
