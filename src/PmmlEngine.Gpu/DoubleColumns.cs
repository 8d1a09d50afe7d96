using ILGPU;

namespace PmmlEngine.Gpu;

/// <summary>Columns in float64, for batches holding values a float cannot represent exactly.</summary>
internal readonly struct DoubleColumns(ArrayView<double> values, ArrayView<double> thresholds) : IColumns
{
    public int Step(ForestView forest, long rowStart, int node)
    {
        var x = values[rowStart + forest.Nodes[4 * node]];
        return double.IsNaN(x) ? forest.Nodes[4 * node + 3] : x <= thresholds[node] ? forest.Nodes[4 * node + 1] : forest.Nodes[4 * node + 2];
    }
}
