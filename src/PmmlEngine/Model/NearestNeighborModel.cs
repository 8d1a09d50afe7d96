using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>
/// PMML NearestNeighborModel: training instances (an InlineTable whose columns the InstanceFields name), the inputs and
/// measure that compare a record with them, k, and how the k nearest instances' targets become a prediction.
/// </summary>
public sealed record NearestNeighborModel : ModelElement
{
    public required int NumberOfNeighbors { get; init; }
    public ContinuousScoringMethod ContinuousScoringMethod { get; init; }
    public bool WeightedMajorityVote { get; init; }
    public string? InstanceIdVariable { get; init; }
    public double Threshold { get; init; } = 0.001;
    public required ComparisonMeasure Measure { get; init; }

    /// <summary>KNNInputs: the fields compared, with their weights and compare functions (null: the measure's).</summary>
    public required ImmutableArray<(string Field, double Weight, CompareFunction? Compare)> Inputs { get; init; }

    /// <summary>InstanceFields: field name → InlineTable column.</summary>
    public required ImmutableArray<(string Field, string Column)> InstanceFields { get; init; }

    public required InlineTable Instances { get; init; }
}
