namespace PmmlEngine.Gpu;

/// <summary>A batch's columns on the device (column-major: a feature's values are adjacent, so a warp reading one feature coalesces) and thresholds of the same type.</summary>
internal interface IColumns
{
    /// <summary>1 where the row's value of the column is ≤ the threshold, 0 where above, -1 where missing (NaN).</summary>
    int Compare(long row, int column, int threshold);
}
