using ILGPU;

namespace PmmlEngine.Gpu;

/// <summary>Columns in float64, for batches holding values a float cannot represent exactly.</summary>
internal readonly struct DoubleColumns(ArrayView<double> values, ArrayView<double> thresholds, long rows) : IColumns
{
    public int Compare(long row, int column, int threshold)
    {
        var x = values[column * rows + row];
        return double.IsNaN(x) ? -1 : x <= thresholds[threshold] ? 1 : 0;
    }
}
