using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A document that is one decision tree over its inputs (sklearn2pmml's DecisionTree exports, R's rpart), scored
/// straight from a record's input values when the MiningSchema keeps every one of them as it is: no slot buffer, no
/// treatment, no result objects. Its results — targets and outputs — then depend on nothing but the leaf the walk ends
/// at, so every leaf's results are worked out at load by the general path's steps after the walk, and shared by every
/// scorer. A record with a missing, invalid or outlying value is left to the general path, which treats it, as is
/// one with a value of another kind than a number or a category (booleans, dates).
/// </summary>
internal sealed class DirectTree
{
    private readonly FlatTree _tree;
    private readonly KeptFeatures _features;
    private readonly Value[]?[] _results;

    private DirectTree(FlatTree tree, KeptFeatures features, Value[]?[] results)
    {
        _tree = tree;
        _features = features;
        _results = results;
    }

    // Outputs computed from the model's result alone: a tree's result is a function of its leaf when no edge was unknown.
    private static readonly HashSet<ResultFeature> LeafFeatures =
    [
        ResultFeature.PredictedValue, ResultFeature.PredictedDisplayValue, ResultFeature.Probability, ResultFeature.Confidence,
        ResultFeature.EntityId, ResultFeature.StandardDeviation, ResultFeature.StandardError,
        ResultFeature.ConfidenceIntervalLower, ResultFeature.ConfidenceIntervalUpper, ResultFeature.Warning,
    ];

    /// <summary>
    /// How many result values the leaves of one tree may keep (24 bytes each, so 24 MB): a tree with more leaves or
    /// results keeps the general path rather than hold and work out that much at load.
    /// </summary>
    public const int MaxLeafResults = 1 << 20;

    /// <summary>
    /// The direct path for a compiled document, or null when its top model is not such a tree. <paramref name="resultsAt"/>
    /// gives a leaf's results as the general path computes them after the walk; it may throw, as that path would.
    /// </summary>
    public static DirectTree? TryCreate(CompiledDocument document, int resultCount, Func<CompiledTree, int, Value[]> resultsAt,
        int maxLeafResults = MaxLeafResults)
    {
        var plan = document.Plan;
        if (document.Top is not CompiledTree { OwnsFeatures: true, Tree: { Generic.Length: 0 } tree } top
            || top.Plan.Outputs.Any(o => o.Expression is not null || !LeafFeatures.Contains(o.Field.Feature))
            || (long)tree.Outcomes.Length * resultCount > maxLeafResults
            || KeptFeatures.TryCreate(plan, top.Plan, tree.Features) is not { } features)
            return null;

        var results = new Value[]?[tree.Outcomes.Length];
        for (var leaf = 0; leaf < results.Length; leaf++)
        {
            try
            {
                results[leaf] = resultsAt(top, leaf);
            }
            catch (Errors.PmmlEvaluationException)
            {
                // Left to the general path, which raises the error for each record reaching this leaf.
            }
        }
        return new DirectTree(tree, features, results);
    }

    public int FeatureCount => _features.Count;

    /// <summary>
    /// The leaf the record's inputs (<see cref="PmmlEngine.Evaluation.PmmlEvaluator.InputFields"/> order, converted to
    /// their fields' types) reach, or -1 when a value needs the general path.
    /// </summary>
    public int Walk(InputRecord record, Span<double> features, RowContext row)
    {
        if (!_features.TryLoad(record, features))
            return -1;
        // Every feature is a present number, so no edge is unknown and the row is never read.
        var outcome = _tree.Walk(features, row, out var penalties);
        return penalties == 0 ? outcome : -1;
    }

    /// <summary>The results (ResultNames order) of a record reaching a leaf; null where computing them fails.</summary>
    public Value[]? Results(int leaf) => _results[leaf];
}
