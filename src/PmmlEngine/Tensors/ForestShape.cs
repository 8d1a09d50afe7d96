namespace PmmlEngine.Tensors;

/// <summary>How a <see cref="TensorForest"/>'s trees combine into the top model's result.</summary>
internal enum ForestShape
{
    /// <summary>One regression tree, or a regression MiningModel that sums or averages its trees' scores.</summary>
    Regression,

    /// <summary>One classification tree: each leaf holds its probabilities and its predicted category.</summary>
    Tree,

    /// <summary>A classification MiningModel that averages its trees' probabilities or counts their votes.</summary>
    Vote,

    /// <summary>
    /// A classification modelChain (gradient boosting): one sum of regression trees per decision function, then a
    /// RegressionModel that turns those into probabilities.
    /// </summary>
    Chain,
}
