using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A planned rule: a compound rule has nested <see cref="Rules"/>; a simple rule its score and weights.</summary>
public sealed class RulePlan
{
    public required PredicatePlan Predicate { get; init; }

    /// <summary>The rule's position among all rules of the set (nested ones included), in document order.</summary>
    public required int Index { get; init; }

    /// <summary>The nested rules of a CompoundRule; null for a SimpleRule.</summary>
    public RulePlan[]? Rules { get; init; }

    public string? Id { get; init; }
    public Value Score { get; init; }
    public double Confidence { get; init; }
    public double Weight { get; init; }

    /// <summary>
    /// What a classification reports when this rule wins, aligned with the target's categories: its ScoreDistribution
    /// (else certainty of its score) and its confidence on the score's category. Null for regression or a score the
    /// target does not list.
    /// </summary>
    public double[]? Probabilities { get; init; }

    public double[]? Confidences { get; init; }
}
