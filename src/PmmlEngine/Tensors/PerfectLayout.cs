namespace PmmlEngine.Tensors;

/// <summary>
/// The forest's trees padded to complete binary trees of the forest's depth D, in heap order (node i's children are
/// 2i+1 and 2i+2), so a walk computes its next node instead of looking it up: tree t's tests are
/// t·(2^D − 1) + i and its leaves t·2^D + j. A leaf above the last level is pushed down through padding tests that
/// every value passes (missing ones included). Each test sends a missing value where its unknown edge goes: one of its
/// two children, or a leaf where the walk stops (a node's own prediction under returnLastPrediction, or none). Shallow
/// forests only, since the size doubles per level (Hummingbird's PerfectTreeTraversal, shared by the ONNX graph and the
/// GPU kernel).
/// </summary>
internal sealed class PerfectLayout
{
    public const int MaxDepth = 12;

    /// <summary>In <see cref="Missing"/>: a missing value goes to the left (true) child.</summary>
    public const int Left = -1;

    /// <summary>In <see cref="Missing"/>: a missing value goes to the right (false) child.</summary>
    public const int Right = -2;

    private PerfectLayout(int depth, int trees, int leafWidth)
    {
        Depth = depth;
        Trees = trees;
        var tests = trees * TestsPerTree;
        Columns = new int[tests];
        Thresholds = new double[tests];
        Missing = new int[tests];
        Leaves = new double[trees * LeavesPerTree * leafWidth];
    }

    public int Depth { get; }
    public int Trees { get; }
    public int TestsPerTree => (1 << Depth) - 1;
    public int LeavesPerTree => 1 << Depth;
    public int[] Columns { get; }
    public double[] Thresholds { get; }

    /// <summary>Per test, where a missing value goes: <see cref="Left"/>, <see cref="Right"/>, or the forest's leaf node where the walk stops.</summary>
    public int[] Missing { get; }

    /// <summary>Leaf-major, the forest's leaf width per leaf.</summary>
    public double[] Leaves { get; }

    /// <summary>Whether the forest fits the layout; otherwise <paramref name="reason"/> says why not.</summary>
    public static bool Applies(TensorForest forest, out string reason)
    {
        reason = "";
        if (forest.MaxDepth > MaxDepth)
            reason = $"the deepest tree has {forest.MaxDepth} levels; complete trees of more than {MaxDepth} are too large";
        else if (Enumerable.Range(0, forest.NodeCount).Any(n => !forest.IsLeaf(n) && forest.OnUnknown[n] != forest.OnTrue[n]
                     && forest.OnUnknown[n] != forest.OnFalse[n] && !forest.IsLeaf(forest.OnUnknown[n])))
            reason = "a test sends missing values to a further test that is neither of its children, which a complete binary tree cannot hold";
        return reason.Length == 0;
    }

    /// <summary>The layout, or null when it does not apply (<see cref="Applies"/>).</summary>
    public static PerfectLayout? TryBuild(TensorForest forest)
    {
        if (!Applies(forest, out _))
            return null;
        var layout = new PerfectLayout(Math.Max(1, forest.MaxDepth), forest.Roots.Length, forest.LeafWidth);
        for (var t = 0; t < forest.Roots.Length; t++)
            layout.Place(forest, forest.Roots[t], t, 0);
        return layout;
    }

    /// <summary>Writes node <paramref name="node"/> of the forest at heap position <paramref name="at"/> of tree t, and its subtree below.</summary>
    private void Place(TensorForest forest, int node, int tree, int at)
    {
        if (at >= TestsPerTree)
        {
            var width = forest.LeafWidth;
            Array.Copy(forest.Leaves, (long)node * width, Leaves, ((long)tree * LeavesPerTree + at - TestsPerTree) * width, width);
            return;
        }
        var index = tree * TestsPerTree + at;
        if (forest.IsLeaf(node))
        {
            Thresholds[index] = double.PositiveInfinity;
            Missing[index] = Left;
            Place(forest, node, tree, 2 * at + 1);
            return;
        }
        Columns[index] = forest.Column[node];
        Thresholds[index] = forest.Threshold[node];
        var unknown = forest.OnUnknown[node];
        Missing[index] = unknown == forest.OnTrue[node] ? Left : unknown == forest.OnFalse[node] ? Right : unknown;
        Place(forest, forest.OnTrue[node], tree, 2 * at + 1);
        Place(forest, forest.OnFalse[node], tree, 2 * at + 2);
    }
}
