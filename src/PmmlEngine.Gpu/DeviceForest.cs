using ILGPU;
using ILGPU.Runtime;
using PmmlEngine.Tensors;

namespace PmmlEngine.Gpu;

/// <summary>A forest's arrays uploaded once to an accelerator; thresholds in both column types.</summary>
internal sealed class DeviceForest : IDisposable
{
    private readonly MemoryBuffer[] _buffers;

    public DeviceForest(Accelerator accelerator, TensorForest forest)
    {
        var nodes = new int[4 * forest.NodeCount];
        for (var n = 0; n < forest.NodeCount; n++)
        {
            nodes[4 * n] = forest.Column[n];
            nodes[4 * n + 1] = forest.OnTrue[n];
            nodes[4 * n + 2] = forest.OnFalse[n];
            nodes[4 * n + 3] = forest.OnUnknown[n];
        }
        var nodeBuffer = accelerator.Allocate1D(nodes);
        var roots = accelerator.Allocate1D(forest.Roots);
        var offsets = accelerator.Allocate1D(forest.Offsets);
        var leaves = accelerator.Allocate1D(forest.Leaves.Length == 0 ? [0.0] : forest.Leaves);
        var weights = accelerator.Allocate1D(forest.Weights);
        var starts = accelerator.Allocate1D(forest.Starts);
        DoubleThresholds = accelerator.Allocate1D(forest.Threshold);
        FloatThresholds = accelerator.Allocate1D(forest.Threshold.Select(FloatAtOrBelow).ToArray());
        _buffers = [nodeBuffer, roots, offsets, leaves, weights, starts, DoubleThresholds, FloatThresholds];
        View = new ForestView(nodeBuffer.View, roots.View, offsets.View, leaves.View, weights.View, starts.View,
            forest.Width, forest.LeafWidth, forest.RawWidth, forest.Sum);
    }

    public ForestView View { get; }
    public MemoryBuffer1D<double, Stride1D.Dense> DoubleThresholds { get; }
    public MemoryBuffer1D<float, Stride1D.Dense> FloatThresholds { get; }

    /// <summary>The largest float not above t: for a float x, x ≤ t exactly when x ≤ this.</summary>
    internal static float FloatAtOrBelow(double t)
    {
        var f = (float)t;
        return f > t ? MathF.BitDecrement(f) : f;
    }

    public void Dispose()
    {
        foreach (var buffer in _buffers)
            buffer.Dispose();
    }
}
