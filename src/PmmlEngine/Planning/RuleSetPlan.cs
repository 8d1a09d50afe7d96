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
}
