using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A center-based ClusteringModel with its fields resolved to slots and centers typed like their fields.</summary>
public sealed class ClusteringPlan : ModelPlan
{
    public required ComparisonMeasure Measure { get; init; }
    public required ClusterFieldPlan[] Fields { get; init; }
    public required ClusterPlan[] Clusters { get; init; }

    /// <summary>One missing-value weight per field (1 where the model gives none).</summary>
    public required double[] MissingWeights { get; init; }

    /// <summary>The clusters' ids, by which outputs name them.</summary>
    public required string[] Ids { get; init; }

    public bool LowerIsCloser => Measure.Kind == ComparisonKind.Distance;
}

/// <summary>
/// A compared field: its slot, weight and compare function; for gaussSim its scale, for table the matrix and the
/// valid values that index it.
/// </summary>
public sealed record ClusterFieldPlan(int Slot, double Weight, CompareFunction Compare, double Scale, double[][]? Table, Value[]? TableValues);

/// <summary>A cluster: <see cref="Center"/> typed like the fields, <see cref="Numbers"/> the same as doubles (NaN where not numeric).</summary>
public sealed record ClusterPlan(string Id, string DisplayName, Value[] Center, double[] Numbers);
