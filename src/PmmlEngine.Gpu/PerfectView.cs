using ILGPU;

namespace PmmlEngine.Gpu;

/// <summary>A <see cref="Tensors.PerfectLayout"/> on the device: per test its column and whether a missing value goes left; the leaves.</summary>
internal readonly struct PerfectView(ArrayView<int> columns, ArrayView<byte> missingLeft, ArrayView<double> leaves, int depth)
{
    public ArrayView<int> Columns { get; } = columns;
    public ArrayView<byte> MissingLeft { get; } = missingLeft;
    public ArrayView<double> Leaves { get; } = leaves;
    public int Depth { get; } = depth;
}
