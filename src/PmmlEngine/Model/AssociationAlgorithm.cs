namespace PmmlEngine.Model;

public enum AssociationAlgorithm
{
    Recommendation,
    ExclusiveRecommendation,
    RuleAssociation,
}
