namespace PmmlEngine.Model;

/// <summary>PMML 4.4 RULE-FEATURE.</summary>
public enum RuleFeature
{
    Antecedent,
    Consequent,
    Rule,
    RuleId,
    Confidence,
    Support,
    Lift,
    Leverage,
    Affinity,
}
