using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

public sealed class RuleSetPlan : ModelPlan
{
    public required RuleSelectionCriterion Criterion { get; init; }
    public required RulePlan[] Rules { get; init; }

    /// <summary>Every rule, nested ones included, by <see cref="RulePlan.Index"/>.</summary>
    public required RulePlan[] AllRules { get; init; }
    public required Value DefaultScore { get; init; }
    public required double? DefaultConfidence { get; init; }

    /// <summary>The default score's certainty and <see cref="DefaultConfidence"/>, as <see cref="RulePlan"/> has them.</summary>
    public double[]? DefaultProbabilities { get; init; }

    public double[]? DefaultConfidences { get; init; }
}
