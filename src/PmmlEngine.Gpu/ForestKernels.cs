using ILGPU;

namespace PmmlEngine.Gpu;

/// <summary>The scoring kernel: one thread per row walks every tree and keeps the row's running sums.</summary>
internal static class ForestKernels
{
    /// <summary>
    /// Walks the trees in order, adding each leaf's values with the interpreter's arithmetic, so the sums are the
    /// record path's to the bit (the order of additions is the document's order of trees).
    /// </summary>
    public static void Sum<TColumns>(Index1D row, ForestView forest, TColumns columns, ArrayView<double> sums)
        where TColumns : struct, IColumns
    {
        var rowStart = (long)row.X * forest.Width;
        var sumStart = (long)row.X * forest.RawWidth;
        for (var k = 0; k < forest.RawWidth; k++)
            sums[sumStart + k] = forest.Starts[k];
        var trees = (int)forest.Roots.Length;
        for (var t = 0; t < trees; t++)
        {
            var node = forest.Roots[t];
            while (!forest.IsLeaf(node))
                node = columns.Step(forest, rowStart, node);
            var at = sumStart + forest.Offsets[t];
            var leaf = (long)node * forest.LeafWidth;
            for (var l = 0; l < forest.LeafWidth; l++)
                sums[at + l] = forest.Add(sums[at + l], forest.Leaves[leaf + l], t);
        }
    }
}
