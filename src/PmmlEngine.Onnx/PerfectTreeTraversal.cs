using PmmlEngine.Tensors;
using OnnxType = PmmlEngine.Onnx.Proto.TensorProto.Types.DataType;

namespace PmmlEngine.Onnx;

/// <summary>
/// Hummingbird's PerfectTreeTraversal over the <see cref="PerfectLayout"/>: per level, every row's position in every
/// tree gathers its test, and the next position is 2·position + 1 (left) or + 2 (right), no child lookup.
/// </summary>
internal static class PerfectTreeTraversal
{
    public static bool Applies(TensorForest forest, out string reason) => PerfectLayout.Applies(forest, out reason);

    public static string Leaves(OnnxGraph graph, TensorForest forest, string x)
    {
        var layout = PerfectLayout.TryBuild(forest)!;
        var trees = layout.Trees;
        var tests = layout.Columns.Length;
        var columns = graph.Longs(layout.Columns.Select(c => (long)c).ToArray(), tests);
        var thresholds = graph.Doubles(layout.Thresholds, tests);
        var missingLeft = graph.Longs(layout.MissingLeft.Select(m => m ? 1L : 0L).ToArray(), tests);
        var treeStarts = graph.Longs(Enumerable.Range(0, trees).Select(t => (long)t * layout.TestsPerTree).ToArray(), 1, trees);
        var position = graph.Op("Mul", TreeTraversal.Start(graph, forest, x), graph.Longs([0]));
        for (var level = 0; level < layout.Depth; level++)
        {
            var at = graph.Op("Add", position, treeStarts);
            var value = graph.Op("GatherElements", [x, graph.Op("Gather", columns, at)], [OnnxGraph.Int("axis", 1)]);
            var left = graph.Op("LessOrEqual", value, graph.Op("Gather", thresholds, at));
            // x ≤ t is false for NaN, so a missing value goes left exactly where its test says so (Where has no bool kernel in onnxruntime).
            left = graph.Op("Or", left, graph.Op("And", graph.IsNaN(value), graph.Cast(graph.Op("Gather", missingLeft, at), OnnxType.Bool)));
            var step = graph.Op("Sub", graph.Longs([2]), graph.Cast(left, OnnxType.Int64));
            position = graph.Op("Add", graph.Op("Mul", position, graph.Longs([2])), step);
        }
        var leafStarts = graph.Longs(Enumerable.Range(0, trees).Select(t => (long)t * layout.LeavesPerTree - layout.TestsPerTree).ToArray(), 1, trees);
        var leaf = graph.Op("Add", position, leafStarts);
        return graph.Op("Gather", graph.Doubles(layout.Leaves, (long)trees * layout.LeavesPerTree, forest.LeafWidth), leaf);
    }
}
