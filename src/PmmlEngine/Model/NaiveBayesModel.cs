using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>
/// PMML NaiveBayesModel: per input field, counts of each value per target category (or, for continuous inputs, a
/// distribution per category), the target categories' own counts, and the probability used where a count is zero.
/// </summary>
public sealed record NaiveBayesModel : ModelElement
{
    public required double Threshold { get; init; }
    public required ImmutableArray<BayesInput> Inputs { get; init; }

    /// <summary>BayesOutput's TargetValueCounts: category → count.</summary>
    public required ImmutableArray<(string Category, double Count)> TargetCounts { get; init; }
}
