using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

public sealed class BaselinePlan : ModelPlan
{
    public required int Slot { get; init; }
    public required BaselineStatistic Statistic { get; init; }
    public required double ResetValue { get; init; }
    public required BaselineDistribution? Baseline { get; init; }
    public required BaselineDistribution? Alternate { get; init; }

    /// <summary>chiSquareDistribution: each baseline value's share of the CountTable.</summary>
    public required Dictionary<Value, double> ExpectedShares { get; init; }
}
