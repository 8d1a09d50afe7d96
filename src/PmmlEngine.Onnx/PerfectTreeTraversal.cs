using PmmlEngine.Tensors;
using OnnxType = PmmlEngine.Onnx.Proto.TensorProto.Types.DataType;

namespace PmmlEngine.Onnx;

/// <summary>
/// Hummingbird's PerfectTreeTraversal over the <see cref="PerfectLayout"/>: per level, every row's position in every
/// tree gathers its test, and the next position is 2·position + 1 (left) or + 2 (right), no child lookup. A missing
/// value at a test that stops the walk records that leaf; the row's later steps in that tree no longer matter.
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
        var missingAction = graph.Longs(layout.Missing.Select(m => (long)m).ToArray(), tests);
        var treeStarts = graph.Longs(Enumerable.Range(0, trees).Select(t => (long)t * layout.TestsPerTree).ToArray(), 1, trees);
        var position = graph.PerRow(x, graph.Longs(new long[trees], 1, trees), trees);
        var stopped = graph.Op("Sub", position, graph.Longs([1]));
        for (var level = 0; level < layout.Depth; level++)
        {
            var at = graph.Op("Add", position, treeStarts);
            var value = graph.Op("GatherElements", [x, graph.Op("Gather", columns, at)], [OnnxGraph.Int("axis", 1)]);
            var left = graph.Op("LessOrEqual", value, graph.Op("Gather", thresholds, at));
            var missing = graph.IsNaN(value);
            var action = graph.Op("Gather", missingAction, at);
            // The first stop a walk meets decides its leaf.
            var stops = graph.Op("And", graph.Op("And", missing, graph.Op("GreaterOrEqual", action, graph.Longs([0]))), graph.Op("Less", stopped, graph.Longs([0])));
            stopped = graph.Where(stops, action, stopped);
            // x ≤ t is false for NaN, so a missing value goes left exactly where its test says so (Where has no bool kernel in onnxruntime).
            left = graph.Op("Or", left, graph.Op("And", missing, graph.Op("Equal", action, graph.Longs([PerfectLayout.Left]))));
            var step = graph.Op("Sub", graph.Longs([2]), graph.Cast(left, OnnxType.Int64));
            position = graph.Op("Add", graph.Op("Mul", position, graph.Longs([2])), step);
        }
        var leafStarts = graph.Longs(Enumerable.Range(0, trees).Select(t => (long)t * layout.LeavesPerTree - layout.TestsPerTree).ToArray(), 1, trees);
        var leaf = graph.Op("Add", position, leafStarts);
        var reached = graph.Op("Gather", graph.Doubles(layout.Leaves, (long)trees * layout.LeavesPerTree, forest.LeafWidth), leaf);
        var atStop = graph.Op("Gather", graph.Doubles(forest.Leaves, forest.NodeCount, forest.LeafWidth), graph.Op("Max", stopped, graph.Longs([0])));
        return graph.Where(graph.Op("Unsqueeze", graph.Op("GreaterOrEqual", stopped, graph.Longs([0])), graph.Longs([2])), atStop, reached);
    }
}
