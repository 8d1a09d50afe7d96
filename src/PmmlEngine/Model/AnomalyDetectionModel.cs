using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>
/// PMML 4.4 AnomalyDetectionModel: an inner model and how its result becomes an anomaly score (isolation forest path
/// length, one-class SVM decision value, distance to the nearest cluster relative to its mean distance).
/// </summary>
public sealed record AnomalyDetectionModel : ModelElement
{
    public required AnomalyAlgorithm Algorithm { get; init; }
    public double? SampleDataSize { get; init; }
    public required ModelElement? Inner { get; init; }
    public ImmutableArray<double> MeanClusterDistances { get; init; } = [];
}
