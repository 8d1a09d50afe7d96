namespace PmmlEngine.Model;

/// <summary>How a RuleSet turns its firing rules into one prediction (PMML 4.4 RuleSelectionMethod).</summary>
public enum RuleSelectionCriterion
{
    /// <summary>The first firing rule in document order.</summary>
    FirstHit,

    /// <summary>The score whose firing rules have the largest total weight.</summary>
    WeightedSum,

    /// <summary>The firing rule with the largest weight (the first of equals).</summary>
    WeightedMax,
}
