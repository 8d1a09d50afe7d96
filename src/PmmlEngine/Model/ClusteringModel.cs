using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>PMML ClusteringModel: a comparison measure, the fields it compares and the clusters' centers.</summary>
public sealed record ClusteringModel : ModelElement
{
    public required ClusteringModelClass ModelClass { get; init; }
    public required ComparisonMeasure Measure { get; init; }
    public required ImmutableArray<ClusteringField> Fields { get; init; }
    public required ImmutableArray<Cluster> Clusters { get; init; }

    /// <summary>MissingValueWeights, one per ClusteringField; empty when absent (every weight 1).</summary>
    public ImmutableArray<double> MissingValueWeights { get; init; } = [];
}
