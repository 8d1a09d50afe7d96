using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A tree node with its score read as the target type and its distribution aligned with the categories.</summary>
public sealed class TreeNodePlan
{
    public required string? Id { get; init; }
    public required PredicatePlan Predicate { get; init; }
    public required Value Score { get; init; }
    public required double RecordCount { get; init; }
    public TreeNodePlan[] Children { get; internal set; } = [];
    public int DefaultChild { get; internal set; } = -1;

    /// <summary>ScoreDistribution record counts per category (null when the node has none).</summary>
    public double[]? RecordCounts { get; init; }

    public double[]? Probabilities { get; init; }
    public double[]? Confidences { get; init; }
}
