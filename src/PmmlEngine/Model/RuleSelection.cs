namespace PmmlEngine.Model;

/// <summary>
/// How an association OutputField picks a rule: the algorithm that decides which rules apply, the measure they are
/// ranked by and in which order, and the rule feature reported (for feature ruleValue).
/// </summary>
public sealed record RuleSelection(AssociationAlgorithm Algorithm, RuleFeature Feature, RuleFeature RankBasis, bool Ascending, bool IsMultiValued);
