namespace PmmlEngine.Gpu;

/// <summary>A batch's columns on the device and the thresholds in the same type: one walk step.</summary>
internal interface IColumns
{
    /// <summary>The child a row goes to from a test node: true where value ≤ threshold, unknown where the value is NaN.</summary>
    int Step(ForestView forest, long rowStart, int node);
}
