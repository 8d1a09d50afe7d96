using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A tree whose tests are all "x ≤ t", packed for branch-free walking of rows with no missing feature. Each test's two
/// children sit side by side, so a step is "next = left + (x &gt; t)"; leaves are nodes with t = +∞ that lead to
/// themselves, so every row takes exactly <see cref="Depth"/> steps and several rows walk in lockstep.
/// </summary>
internal sealed class PackedTree
{
    private PackedTree(PackedNode[] nodes, double[] leafScores, int depth)
    {
        Nodes = nodes;
        LeafScores = leafScores;
        Depth = depth;
    }

    /// <summary>Node 0 is the root.</summary>
    public PackedNode[] Nodes { get; }

    /// <summary>By node: the outcome's score for a leaf node (NaN for no prediction); unused for tests.</summary>
    public double[] LeafScores { get; }

    public int Depth { get; }

    /// <summary>The packed form, or null when the tree has other tests or its shared subtrees would grow too much when copied.</summary>
    public static PackedTree? From(FlatTree tree)
    {
        if (!tree.OnlyLessOrEqual)
            return null;
        var tests = tree.Tests;
        var limit = 4 * (tests.Length + tree.Outcomes.Length) + 16;
        var nodes = new List<PackedNode> { default };
        var scores = new List<double> { double.NaN };
        var pending = new Queue<(int Edge, int Position)>();
        pending.Enqueue((tree.Start, 0));
        while (pending.Count > 0)
        {
            var (edge, position) = pending.Dequeue();
            if (edge < 0)
            {
                nodes[position] = new PackedNode(double.PositiveInfinity, 0, position);
                scores[position] = tree.OutcomeScores[~edge];
                continue;
            }
            if (nodes.Count + 2 > limit)
                return null;
            var left = nodes.Count;
            nodes.Add(default);
            nodes.Add(default);
            scores.Add(double.NaN);
            scores.Add(double.NaN);
            nodes[position] = new PackedNode(tests[edge].Threshold, tests[edge].Feature, left);
            pending.Enqueue((tests[edge].OnTrue, left));
            pending.Enqueue((tests[edge].OnFalse, left + 1));
        }
        return new PackedTree(nodes.ToArray(), scores.ToArray(), tree.Depth);
    }

    /// <summary>The scores of eight consecutive rows of a row-major feature block (none missing), walked in lockstep.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WalkEight(ReadOnlySpan<double> features, int width, int r, Span<double> scores)
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(Nodes);
        ref var x0 = ref Unsafe.AsRef(in features[r * width]);
        int a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0;
        for (var step = 0; step < Depth; step++)
        {
            a = Step(ref nodes, a, in x0);
            b = Step(ref nodes, b, in Unsafe.Add(ref x0, width));
            c = Step(ref nodes, c, in Unsafe.Add(ref x0, 2 * width));
            d = Step(ref nodes, d, in Unsafe.Add(ref x0, 3 * width));
            e = Step(ref nodes, e, in Unsafe.Add(ref x0, 4 * width));
            f = Step(ref nodes, f, in Unsafe.Add(ref x0, 5 * width));
            g = Step(ref nodes, g, in Unsafe.Add(ref x0, 6 * width));
            h = Step(ref nodes, h, in Unsafe.Add(ref x0, 7 * width));
        }
        var leaves = LeafScores;
        scores[0] = leaves[a];
        scores[1] = leaves[b];
        scores[2] = leaves[c];
        scores[3] = leaves[d];
        scores[4] = leaves[e];
        scores[5] = leaves[f];
        scores[6] = leaves[g];
        scores[7] = leaves[h];
    }

    public double WalkOne(ReadOnlySpan<double> x)
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(Nodes);
        var node = 0;
        for (var step = 0; step < Depth; step++)
            node = Step(ref nodes, node, in x[0]);
        return LeafScores[node];
    }

    /// <summary>
    /// One step without a branch. Node indices and feature indices were checked when the tree was packed (every child
    /// is a node, every feature a column of the block), which is why the reads skip bounds checks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(ref PackedNode nodes, int index, in double x)
    {
        ref var node = ref Unsafe.Add(ref nodes, index);
        var v = Unsafe.Add(ref Unsafe.AsRef(in x), node.Feature);
        return node.Left + Unsafe.BitCast<bool, byte>(v > node.Threshold);
    }
}

/// <summary>A packed test: the next node is <see cref="Left"/> when x[Feature] ≤ Threshold, else the one after it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct PackedNode(double Threshold, int Feature, int Left);
