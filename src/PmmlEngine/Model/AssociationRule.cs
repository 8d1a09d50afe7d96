namespace PmmlEngine.Model;

/// <summary>An AssociationRule: itemset ids and the rule's measures.</summary>
public sealed record AssociationRule(string Antecedent, string Consequent, double Support, double Confidence, double? Lift, double? Leverage,
    double? Affinity, string? Id, Errors.SourceLocation Location);
