using PmmlEngine.Model;

namespace PmmlEngine.Planning;

public sealed class AnomalyDetectionPlan : ModelPlan
{
    public required AnomalyAlgorithm Algorithm { get; init; }
    public required ModelPlan Inner { get; init; }

    /// <summary>iforest: c(n), the average path length of an unsuccessful search in a tree of sampleDataSize points.</summary>
    public double AveragePathLength { get; init; }

    public double[] MeanClusterDistances { get; init; } = [];
}
