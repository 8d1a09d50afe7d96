using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>PMML 4.4 TreeModel: the six missingValueStrategy values and both noTrueChildStrategy values.</summary>
internal static class TreeInterpreter
{
    public static ModelResult Evaluate(TreePlan tree, RowContext row)
    {
        var result = new ModelResult(tree.Target);
        var strategy = tree.MissingValueStrategy;
        var rootTruth = PredicateInterpreter.Evaluate(tree.Root.Predicate, row);
        if (rootTruth == Truth.False || rootTruth == Truth.Unknown && strategy is MissingValueStrategy.None or MissingValueStrategy.NullPrediction)
            return result;
        if (strategy is MissingValueStrategy.WeightedConfidence or MissingValueStrategy.AggregateNodes)
            return Aggregate(tree, row, result);

        var node = tree.Root;
        var missingCount = 0;
        while (node.Children.Length > 0)
        {
            TreeNodePlan? next = null;
            foreach (var child in node.Children)
            {
                var truth = PredicateInterpreter.Evaluate(child.Predicate, row);
                if (truth == Truth.True)
                {
                    next = child;
                    break;
                }
                if (truth == Truth.False || strategy == MissingValueStrategy.None)
                    continue;
                switch (strategy)
                {
                    case MissingValueStrategy.LastPrediction:
                        return Leaf(tree, node, result, missingCount);
                    case MissingValueStrategy.NullPrediction:
                        return result;
                    default:
                        // defaultChild: continue with the parent's default child, paying the penalty.
                        if (node.DefaultChild < 0)
                            return Leaf(tree, node, result, missingCount);
                        next = node.Children[node.DefaultChild];
                        missingCount++;
                        break;
                }
                break;
            }
            if (next is null)
                return tree.NoTrueChildStrategy == NoTrueChildStrategy.ReturnLastPrediction ? Leaf(tree, node, result, missingCount) : result;
            node = next;
        }
        return Leaf(tree, node, result, missingCount);
    }

    /// <summary>The prediction at <paramref name="node"/>; <paramref name="certain"/> may supply its one-hot distribution.</summary>
    internal static ModelResult Leaf(TreePlan tree, TreeNodePlan node, ModelResult result, int missingCount, double[]? certain = null)
    {
        result.EntityId = node.Id;
        result.Predicted = node.Score;
        if (tree.Function != MiningFunction.Classification)
            return result;
        if (node.Probabilities is { } probabilities)
        {
            result.Probabilities = probabilities;
        }
        else if (node.Score.HasValue && tree.Target.IndexOf(node.Score) is var index and >= 0)
        {
            // A node with a score and no ScoreDistribution is certain of its score.
            result.Probabilities = certain ?? OneHot(tree.Target.Categories.Length, index);
        }
        var confidences = node.Confidences ?? result.Probabilities;
        if (confidences is not null && missingCount > 0)
        {
            var penalty = Math.Pow(tree.MissingValuePenalty, missingCount);
            confidences = confidences.Select(c => c * penalty).ToArray();
        }
        result.Confidences = confidences;
        return result;
    }

    internal static double[] OneHot(int length, int index)
    {
        var p = new double[length];
        p[index] = 1.0;
        return p;
    }

    /// <summary>
    /// weightedConfidence and aggregateNodes: when a predicate is unknown every branch that may hold is followed; leaf
    /// distributions are combined, weighted by the share of records (weightedConfidence) or by record counts (aggregateNodes).
    /// </summary>
    private static ModelResult Aggregate(TreePlan tree, RowContext row, ModelResult result)
    {
        var categories = tree.Target.Categories.Length;
        var totals = new double[Math.Max(categories, 1)];
        double weightedScore = 0, totalWeight = 0;
        var reachedAny = false;
        var pending = new Stack<(TreeNodePlan Node, double Weight)>();
        pending.Push((tree.Root, 1.0));
        while (pending.Count > 0)
        {
            var (node, weight) = pending.Pop();
            var branches = new List<TreeNodePlan>();
            foreach (var child in node.Children)
            {
                var truth = PredicateInterpreter.Evaluate(child.Predicate, row);
                if (truth == Truth.False) continue;
                branches.Add(child);
                if (truth == Truth.True) break;
            }
            if (branches.Count == 0)
            {
                if (node.Children.Length > 0 && tree.NoTrueChildStrategy == NoTrueChildStrategy.ReturnNullPrediction)
                    continue;
                reachedAny = true;
                var share = tree.MissingValueStrategy == MissingValueStrategy.AggregateNodes ? node.RecordCount : weight;
                if (tree.Function == MiningFunction.Classification)
                {
                    var source = tree.MissingValueStrategy == MissingValueStrategy.AggregateNodes ? node.RecordCounts : node.Confidences ?? node.Probabilities;
                    if (source is not null)
                        for (var i = 0; i < categories; i++)
                            totals[i] += tree.MissingValueStrategy == MissingValueStrategy.AggregateNodes ? source[i] : weight * source[i];
                }
                else if (node.Score.TryGetNumber(out var score))
                {
                    weightedScore += share * score;
                    totalWeight += share;
                }
                continue;
            }
            var sum = 0.0;
            foreach (var b in branches) sum += b.RecordCount;
            foreach (var b in branches)
                pending.Push((b, branches.Count == 1 || sum <= 0 ? weight : weight * b.RecordCount / sum));
        }
        if (!reachedAny)
            return result;
        if (tree.Function != MiningFunction.Classification)
        {
            result.Predicted = totalWeight > 0 ? Value.Of(weightedScore / totalWeight) : Value.Missing;
            return result;
        }
        var total = totals.Sum();
        result.SetDistribution(total > 0 ? totals.Select(t => t / total).ToArray() : totals);
        result.Confidences = tree.MissingValueStrategy == MissingValueStrategy.WeightedConfidence ? totals : result.Probabilities;
        return result;
    }
}
