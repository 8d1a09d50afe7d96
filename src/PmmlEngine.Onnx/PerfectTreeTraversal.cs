using PmmlEngine.Tensors;
using OnnxType = PmmlEngine.Onnx.Proto.TensorProto.Types.DataType;

namespace PmmlEngine.Onnx;

/// <summary>
/// Hummingbird's PerfectTreeTraversal: every tree padded to a complete binary tree of the forest's depth, stored level
/// by level, so a row's next position is 2·position + (went right) and needs no child lookup. A leaf above the last
/// level is pushed down through padding tests that always go left. Each test sends a missing value the way its
/// unknown edge goes, which must be one of its two children.
/// </summary>
internal static class PerfectTreeTraversal
{
    private const int MaxDepth = 12;

    public static bool Applies(TensorForest forest, out string reason)
    {
        reason = "";
        if (forest.MaxDepth > MaxDepth)
            reason = $"the deepest tree has {forest.MaxDepth} levels; complete trees of more than {MaxDepth} are too large";
        else if (Enumerable.Range(0, forest.NodeCount).Any(n => !forest.IsLeaf(n) && forest.OnUnknown[n] != forest.OnTrue[n] && forest.OnUnknown[n] != forest.OnFalse[n]))
            reason = "a test sends missing values to neither of its children (a node's own prediction or none), which a complete binary tree cannot hold";
        return reason.Length == 0;
    }

    public static string Leaves(OnnxGraph graph, TensorForest forest, string x)
    {
        var depth = forest.MaxDepth;
        var trees = forest.Roots.Length;
        var columns = new long[depth][];
        var thresholds = new double[depth][];
        var missingLeft = new bool[depth][];
        for (var level = 0; level < depth; level++)
        {
            columns[level] = new long[trees << level];
            thresholds[level] = new double[trees << level];
            missingLeft[level] = new bool[trees << level];
        }
        var width = forest.LeafWidth;
        var leaves = new double[(trees << depth) * width];
        for (var t = 0; t < trees; t++)
            Place(forest, forest.Roots[t], t, 0, 0, columns, thresholds, missingLeft, leaves);

        var position = graph.Op("Mul", TreeTraversal.Start(graph, forest, x), graph.Longs([0]));
        for (var level = 0; level < depth; level++)
        {
            var size = 1L << level;
            var at = graph.Op("Add", position, graph.Longs(Enumerable.Range(0, trees).Select(t => t * size).ToArray(), 1, trees));
            var value = graph.Op("GatherElements", [x, graph.Op("Gather", graph.Longs(columns[level], columns[level].Length), at)], [OnnxGraph.Int("axis", 1)]);
            var left = graph.Op("LessOrEqual", value, graph.Op("Gather", graph.Doubles(thresholds[level], thresholds[level].Length), at));
            var missing = graph.Cast(graph.Op("Gather", graph.Longs(missingLeft[level].Select(m => m ? 1L : 0L).ToArray(), missingLeft[level].Length), at), OnnxType.Bool);
            // x ≤ t is false for NaN, so a missing value goes left exactly where its test says so (Where has no bool kernel in onnxruntime).
            left = graph.Op("Or", left, graph.Op("And", graph.IsNaN(value), missing));
            var right = graph.Op("Sub", graph.Longs([1]), graph.Cast(left, OnnxType.Int64));
            position = graph.Op("Add", graph.Op("Mul", position, graph.Longs([2])), right);
        }
        var leaf = graph.Op("Add", position, graph.Longs(Enumerable.Range(0, trees).Select(t => (long)t << depth).ToArray(), 1, trees));
        return graph.Op("Gather", graph.Doubles(leaves, trees << depth, width), leaf);
    }

    /// <summary>Writes a node at its place in tree t's complete layout, and its subtree below it.</summary>
    private static void Place(TensorForest forest, int node, int tree, int level, long position, long[][] columns, double[][] thresholds, bool[][] missingLeft, double[] leaves)
    {
        var depth = columns.Length;
        if (level == depth)
        {
            var width = forest.LeafWidth;
            Array.Copy(forest.Leaves, (long)node * width, leaves, (((long)tree << depth) + position) * width, width);
            return;
        }
        var at = ((long)tree << level) + position;
        if (forest.IsLeaf(node))
        {
            // Padding: a test every value passes (and a missing one goes left too), down to the last level.
            thresholds[level][at] = double.PositiveInfinity;
            missingLeft[level][at] = true;
            Place(forest, node, tree, level + 1, 2 * position, columns, thresholds, missingLeft, leaves);
            return;
        }
        columns[level][at] = forest.Column[node];
        thresholds[level][at] = forest.Threshold[node];
        missingLeft[level][at] = forest.OnUnknown[node] == forest.OnTrue[node];
        Place(forest, forest.OnTrue[node], tree, level + 1, 2 * position, columns, thresholds, missingLeft, leaves);
        Place(forest, forest.OnFalse[node], tree, level + 1, 2 * position + 1, columns, thresholds, missingLeft, leaves);
    }
}
