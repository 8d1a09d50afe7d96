using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>
/// PMML 4.4 BaselineModel: a test statistic comparing a field's values with a baseline distribution (and, for CUSUM, an
/// alternate one). A record's value may be a sequence (a collection, e.g. consecutive CSV rows of one group).
/// </summary>
public sealed record BaselineModel : ModelElement
{
    public required string Field { get; init; }
    public required BaselineStatistic Statistic { get; init; }
    public double ResetValue { get; init; }
    public required BaselineDistribution? Baseline { get; init; }
    public BaselineDistribution? Alternate { get; init; }

    /// <summary>A CountTable baseline (chiSquareDistribution): field value → expected count.</summary>
    public ImmutableArray<(string Value, double Count)> ExpectedCounts { get; init; } = [];
}
