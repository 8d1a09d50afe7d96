using ILGPU;

namespace PmmlEngine.Gpu;

/// <summary>A <see cref="Tensors.PerfectLayout"/> on the device: per test its column and where a missing value goes; the leaves.</summary>
internal readonly struct PerfectView(ArrayView<int> columns, ArrayView<int> missing, ArrayView<double> leaves, int depth)
{
    public ArrayView<int> Columns { get; } = columns;

    /// <summary><see cref="Tensors.PerfectLayout.Missing"/>: left, right, or the node-array leaf where the walk stops.</summary>
    public ArrayView<int> Missing { get; } = missing;
    public ArrayView<double> Leaves { get; } = leaves;
    public int Depth { get; } = depth;
}
