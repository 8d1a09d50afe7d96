using PmmlEngine.Tensors;
using OnnxType = PmmlEngine.Onnx.Proto.TensorProto.Types.DataType;

namespace PmmlEngine.Onnx;

/// <summary>
/// Hummingbird's TreeTraversal: every row holds one current node per tree ([N, T] indices); each level gathers the
/// nodes' columns, thresholds and children and moves on. Leaves point to themselves, so all trees take
/// <see cref="TensorForest.MaxDepth"/> steps; a NaN value takes the node's unknown child.
/// </summary>
internal static class TreeTraversal
{
    /// <summary>The values of the leaf each row reaches in each tree, double [N, T, L].</summary>
    public static string Leaves(OnnxGraph graph, TensorForest forest, string x)
    {
        var m = forest.NodeCount;
        var column = graph.Longs(forest.Column.Select(c => (long)c).ToArray(), m);
        var threshold = graph.Doubles(forest.Threshold, m);
        var onTrue = graph.Longs(forest.OnTrue.Select(c => (long)c).ToArray(), m);
        var onFalse = graph.Longs(forest.OnFalse.Select(c => (long)c).ToArray(), m);
        var onUnknown = graph.Longs(forest.OnUnknown.Select(c => (long)c).ToArray(), m);
        var node = Start(graph, forest, x);
        for (var level = 0; level < forest.MaxDepth; level++)
        {
            var value = graph.Op("GatherElements", [x, graph.Op("Gather", column, node)], [OnnxGraph.Int("axis", 1)]);
            var left = graph.Op("LessOrEqual", value, graph.Op("Gather", threshold, node));
            var known = graph.Where(left, graph.Op("Gather", onTrue, node), graph.Op("Gather", onFalse, node));
            node = graph.Where(graph.IsNaN(value), graph.Op("Gather", onUnknown, node), known);
        }
        return graph.Op("Gather", graph.Doubles(forest.Leaves, m, forest.LeafWidth), node);
    }

    /// <summary>Each tree's root for every row: the roots [1, T] expanded to [N, T].</summary>
    internal static string Start(OnnxGraph graph, TensorForest forest, string x) =>
        graph.PerRow(x, graph.Longs(forest.Roots.Select(r => (long)r).ToArray(), 1, forest.Roots.Length), forest.Roots.Length);
}
