using ILGPU;

namespace PmmlEngine.Gpu;

/// <summary>
/// Columns in float32, used when every value of the batch is a float: then value ≤ t holds exactly when value ≤ the
/// largest float not above t, so the walk is exact at half the memory traffic.
/// </summary>
internal readonly struct FloatColumns(ArrayView<float> values, ArrayView<float> thresholds, long rows) : IColumns
{
    public int Compare(long row, int column, int threshold)
    {
        var x = values[column * rows + row];
        return float.IsNaN(x) ? -1 : x <= thresholds[threshold] ? 1 : 0;
    }
}
