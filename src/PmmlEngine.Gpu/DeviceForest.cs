using ILGPU;
using ILGPU.Runtime;
using PmmlEngine.Tensors;

namespace PmmlEngine.Gpu;

/// <summary>
/// A forest's arrays uploaded once to an accelerator: the node arrays for any tree shape and, for shallow forests, the
/// complete-tree layout; thresholds in both column types.
/// </summary>
internal sealed class DeviceForest : IDisposable
{
    /// <summary>Hummingbird's bound: complete trees pay off up to this depth, beyond it the padding costs more than the lookups save.</summary>
    public const int PerfectDepth = 10;

    private readonly List<MemoryBuffer> _buffers = [];

    public DeviceForest(Accelerator accelerator, TensorForest forest, bool perfect)
    {
        var nodes = new int[4 * forest.NodeCount];
        for (var n = 0; n < forest.NodeCount; n++)
        {
            nodes[4 * n] = forest.Column[n];
            nodes[4 * n + 1] = forest.OnTrue[n];
            nodes[4 * n + 2] = forest.OnFalse[n];
            nodes[4 * n + 3] = forest.OnUnknown[n];
        }
        View = new ForestView(Upload(accelerator, nodes), Upload(accelerator, forest.Roots), Upload(accelerator, forest.Offsets),
            Upload(accelerator, forest.Leaves.Length == 0 ? [0.0] : forest.Leaves), Upload(accelerator, forest.Weights), Upload(accelerator, forest.Starts),
            forest.LeafWidth, forest.RawWidth, forest.Sum);
        (DoubleThresholds, FloatThresholds) = Thresholds(accelerator, forest.Threshold);

        if (perfect && forest.MaxDepth <= PerfectDepth && PerfectLayout.TryBuild(forest) is { } layout)
        {
            Perfect = new PerfectView(Upload(accelerator, layout.Columns), Upload(accelerator, layout.Missing),
                Upload(accelerator, layout.Leaves), layout.Depth);
            (PerfectDoubleThresholds, PerfectFloatThresholds) = Thresholds(accelerator, layout.Thresholds);
        }
    }

    public ForestView View { get; }
    public ArrayView<double> DoubleThresholds { get; }
    public ArrayView<float> FloatThresholds { get; }

    /// <summary>The complete-tree layout, when the forest is shallow enough and each missing value follows a child or stops at a leaf.</summary>
    public PerfectView? Perfect { get; }
    public ArrayView<double> PerfectDoubleThresholds { get; }
    public ArrayView<float> PerfectFloatThresholds { get; }

    /// <summary>The largest float not above t: for a float x, x ≤ t exactly when x ≤ this.</summary>
    internal static float FloatAtOrBelow(double t)
    {
        var f = (float)t;
        return f > t ? MathF.BitDecrement(f) : f;
    }

    private (ArrayView<double>, ArrayView<float>) Thresholds(Accelerator accelerator, double[] thresholds) =>
        (Upload(accelerator, thresholds), Upload(accelerator, thresholds.Select(FloatAtOrBelow).ToArray()));

    private ArrayView<T> Upload<T>(Accelerator accelerator, T[] values) where T : unmanaged
    {
        var buffer = accelerator.Allocate1D(values);
        _buffers.Add(buffer);
        return buffer.View;
    }

    public void Dispose()
    {
        foreach (var buffer in _buffers)
            buffer.Dispose();
    }
}
