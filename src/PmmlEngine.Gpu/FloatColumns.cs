using ILGPU;

namespace PmmlEngine.Gpu;

/// <summary>
/// Columns in float32, used when every value of the batch is a float: then value ≤ t holds exactly when value ≤ the
/// largest float not above t, so the walk is exact at half the memory traffic.
/// </summary>
internal readonly struct FloatColumns(ArrayView<float> values, ArrayView<float> thresholds) : IColumns
{
    public int Step(ForestView forest, long rowStart, int node)
    {
        var x = values[rowStart + forest.Nodes[4 * node]];
        return float.IsNaN(x) ? forest.Nodes[4 * node + 3] : x <= thresholds[node] ? forest.Nodes[4 * node + 1] : forest.Nodes[4 * node + 2];
    }
}
