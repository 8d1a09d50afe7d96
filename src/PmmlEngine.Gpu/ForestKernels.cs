using ILGPU;

namespace PmmlEngine.Gpu;

/// <summary>
/// The scoring kernels: one thread per row walks every tree and keeps the row's running sums, adding each leaf's
/// values with the interpreter's arithmetic in the document's order of trees, so the sums are the record path's to the bit.
/// A single sum of scores (regression ensembles) stays in a register and is written once; wider ones (distributions,
/// chains) are kept in the row's slice of the output.
/// </summary>
internal static class ForestKernels
{
    /// <summary>Any tree shape: each step looks up the node's child (structure of arrays, four ints per node).</summary>
    public static void Sum<TColumns>(Index1D row, ForestView forest, TColumns columns, ArrayView<double> sums)
        where TColumns : struct, IColumns
    {
        var sumStart = Start(row, forest, sums);
        var single = IsSingle(forest);
        var sum = forest.Starts[0];
        var trees = (int)forest.Roots.Length;
        for (var t = 0; t < trees; t++)
        {
            var node = forest.Roots[t];
            while (!forest.IsLeaf(node))
            {
                var compare = columns.Compare(row, forest.Nodes[4 * node], node);
                node = forest.Nodes[4 * node + (compare < 0 ? 3 : compare > 0 ? 1 : 2)];
            }
            if (single)
                sum = forest.Add(sum, forest.Leaves[node], t);
            else
                Add(forest, forest.Leaves, (long)node * forest.LeafWidth, t, sums, sumStart);
        }
        if (single)
            sums[sumStart] = sum;
    }

    /// <summary>Complete trees in heap order (<see cref="Tensors.PerfectLayout"/>): the next node is computed, every walk takes the same number of steps.</summary>
    public static void SumPerfect<TColumns>(Index1D row, ForestView forest, PerfectView perfect, TColumns columns, ArrayView<double> sums)
        where TColumns : struct, IColumns
    {
        var sumStart = Start(row, forest, sums);
        var single = IsSingle(forest);
        var sum = forest.Starts[0];
        var trees = (int)forest.Roots.Length;
        var tests = (1 << perfect.Depth) - 1;
        for (var t = 0; t < trees; t++)
        {
            var first = t * tests;
            var at = 0;
            var stop = -1;
            for (var level = 0; level < perfect.Depth; level++)
            {
                var test = first + at;
                var compare = columns.Compare(row, perfect.Columns[test], test);
                var missing = perfect.Missing[test];
                if (compare < 0 && missing >= 0)
                {
                    // A missing value that ends the walk at a node's own prediction (or none).
                    stop = missing;
                    break;
                }
                var left = compare < 0 ? missing == Tensors.PerfectLayout.Left : compare > 0;
                at = 2 * at + (left ? 1 : 2);
            }
            var leaves = stop >= 0 ? forest.Leaves : perfect.Leaves;
            var leaf = stop >= 0 ? stop : (long)t * (tests + 1) + at - tests;
            if (single)
                sum = forest.Add(sum, leaves[leaf], t);
            else
                Add(forest, leaves, leaf * forest.LeafWidth, t, sums, sumStart);
        }
        if (single)
            sums[sumStart] = sum;
    }

    private static bool IsSingle(ForestView forest) => forest.RawWidth == 1 && forest.LeafWidth == 1;

    private static long Start(Index1D row, ForestView forest, ArrayView<double> sums)
    {
        var sumStart = (long)row.X * forest.RawWidth;
        for (var k = 0; k < forest.RawWidth; k++)
            sums[sumStart + k] = forest.Starts[k];
        return sumStart;
    }

    private static void Add(ForestView forest, ArrayView<double> leaves, long leaf, int tree, ArrayView<double> sums, long sumStart)
    {
        var at = sumStart + forest.Offsets[tree];
        for (var l = 0; l < forest.LeafWidth; l++)
            sums[at + l] = forest.Add(sums[at + l], leaves[leaf + l], tree);
    }
}
