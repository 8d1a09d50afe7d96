namespace PmmlEngine.Model;

/// <summary>What a tree does when a predicate cannot be decided for a missing value (PMML 4.4 TreeModel).</summary>
public enum MissingValueStrategy
{
    None,
    LastPrediction,
    NullPrediction,
    DefaultChild,
    WeightedConfidence,
    AggregateNodes,
}
