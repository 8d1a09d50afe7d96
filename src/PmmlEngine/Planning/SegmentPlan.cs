using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

public sealed class SegmentPlan
{
    public required string Id { get; init; }
    public required double Weight { get; init; }
    public required PredicatePlan Predicate { get; init; }
    public required ModelPlan Model { get; init; }

    /// <summary>For each of the segment's categories, its index among the ensemble's categories.</summary>
    public int[] CategoryMap { get; init; } = [];
}
