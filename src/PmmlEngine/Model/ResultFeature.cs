namespace PmmlEngine.Model;

/// <summary>What an OutputField reports (PMML 4.4 RESULT-FEATURE).</summary>
public enum ResultFeature
{
    PredictedValue,
    PredictedDisplayValue,
    TransformedValue,
    Decision,
    Probability,
    Confidence,
    Affinity,
    EntityId,
    ClusterId,
    ClusterAffinity,
    Residual,
    StandardError,
    StandardDeviation,
    ConfidenceIntervalLower,
    ConfidenceIntervalUpper,
    Warning,
    ReasonCode,
    RuleValue,
    Antecedent,
    Consequent,
    Rule,
    RuleId,
    Support,
    Lift,
    Leverage,
    EntityAffinity,
}
