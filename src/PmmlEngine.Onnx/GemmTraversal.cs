using PmmlEngine.Errors;
using PmmlEngine.Tensors;
using OnnxType = PmmlEngine.Onnx.Proto.TensorProto.Types.DataType;

namespace PmmlEngine.Onnx;

/// <summary>
/// Hummingbird's GEMM strategy: all tests of all trees evaluated at once ([N, I]), then for every root-to-leaf path the
/// count of its tests that went its way, by matrix products with the paths' edge matrices; the one path whose count
/// equals its length is the leaf. With missing values a test has three outcomes (true, false, unknown), so there is one
/// edge matrix per outcome; outcomes that lead to the same child share the path.
/// </summary>
internal static class GemmTraversal
{
    private const int MaxPaths = 1 << 16;
    private const long MaxEdges = 1 << 24;

    public static string Leaves(OnnxGraph graph, TensorForest forest, string x)
    {
        var tests = Enumerable.Range(0, forest.NodeCount).Where(n => !forest.IsLeaf(n)).ToArray();
        var testIndex = new Dictionary<int, int>();
        for (var i = 0; i < tests.Length; i++)
            testIndex[tests[i]] = i;
        var paths = new List<(int Tree, int Leaf, List<(int Test, int Outcomes)> Steps)>();
        for (var t = 0; t < forest.Roots.Length; t++)
            Walk(forest, t, forest.Roots[t], [], paths, testIndex);

        var p = paths.Count;
        if ((long)tests.Length * p > MaxEdges)
            throw new PmmlUnsupportedException($"GEMM does not apply: {tests.Length} tests × {p} paths make edge matrices too large; use TreeTraversal", forest.Document.Model.Element.Location);
        var width = forest.LeafWidth;
        var trees = forest.Roots.Length;
        var edges = new double[3][];
        for (var k = 0; k < 3; k++)
            edges[k] = new double[Math.Max(1, tests.Length) * p];
        var lengths = new double[p];
        var values = new double[p * trees * width];
        var noPrediction = new double[p * trees];
        for (var j = 0; j < p; j++)
        {
            var (tree, leaf, steps) = paths[j];
            lengths[j] = steps.Count;
            foreach (var (test, outcomes) in steps)
                for (var k = 0; k < 3; k++)
                    if ((outcomes >> k & 1) != 0)
                        edges[k][test * p + j] = 1;
            for (var l = 0; l < width; l++)
            {
                var v = forest.Leaves[(long)leaf * width + l];
                if (double.IsNaN(v))
                    noPrediction[j * trees + tree] = 1;
                else
                    values[(j * trees + tree) * width + l] = v;
            }
        }

        var count = Math.Max(1, tests.Length);
        string reached;
        if (tests.Length == 0)
            reached = graph.PerRow(x, graph.Doubles(Enumerable.Repeat(1.0, p).ToArray(), 1, p), p);
        else
        {
            var value = graph.Op("Gather", [x, graph.Longs(tests.Select(n => (long)forest.Column[n]).ToArray(), tests.Length)], [OnnxGraph.Int("axis", 1)]);
            var left = graph.Op("LessOrEqual", value, graph.Doubles(tests.Select(n => forest.Threshold[n]).ToArray(), 1, tests.Length));
            var missing = graph.IsNaN(value);
            var known = graph.Op("Not", missing);
            var outcomes = new[] { left, graph.Op("And", graph.Op("Not", left), known), missing };
            var agree = Enumerable.Range(0, 3)
                .Select(k => graph.Op("MatMul", graph.Cast(outcomes[k], OnnxType.Double), graph.Doubles(edges[k], count, p)))
                .Aggregate((a, b) => graph.Op("Add", a, b));
            reached = graph.Cast(graph.Op("Equal", agree, graph.Doubles(lengths, 1, p)), OnnxType.Double);
        }
        var leafValues = graph.Op("MatMul", reached, graph.Doubles(values, p, trees * width));
        var shaped = graph.Op("Reshape", leafValues, graph.Longs([0, trees, width], 3));
        var none = graph.Op("Greater", graph.Op("MatMul", reached, graph.Doubles(noPrediction, p, trees)), graph.Double(0));
        return graph.Where(graph.Op("Unsqueeze", none, graph.Longs([2])), graph.Double(double.NaN), shaped);
    }

    /// <summary>Collects the paths below a node; a step's outcomes are the bits (true 1, false 2, unknown 4) that lead to the same child.</summary>
    private static void Walk(TensorForest forest, int tree, int node, List<(int, int)> steps, List<(int, int, List<(int, int)>)> paths, Dictionary<int, int> testIndex)
    {
        if (forest.IsLeaf(node))
        {
            if (paths.Count == MaxPaths)
                throw new PmmlUnsupportedException($"GEMM does not apply: the trees have more than {MaxPaths} paths", forest.Document.Model.Element.Location);
            paths.Add((tree, node, [.. steps]));
            return;
        }
        int[] children = [forest.OnTrue[node], forest.OnFalse[node], forest.OnUnknown[node]];
        for (var k = 0; k < 3; k++)
        {
            if (Array.IndexOf(children, children[k]) != k)
                continue;
            var outcomes = 0;
            for (var o = 0; o < 3; o++)
                if (children[o] == children[k])
                    outcomes |= 1 << o;
            steps.Add((testIndex[node], outcomes));
            Walk(forest, tree, children[k], steps, paths, testIndex);
            steps.RemoveAt(steps.Count - 1);
        }
    }
}
