using ILGPU;
using PmmlEngine.Backends.Interpreter;

namespace PmmlEngine.Gpu;

/// <summary>A <see cref="Tensors.TensorForest"/>'s arrays on the device, passed to kernels by value.</summary>
internal readonly struct ForestView
{
    public ForestView(ArrayView<int> nodes, ArrayView<int> roots, ArrayView<int> offsets, ArrayView<double> leaves, ArrayView<double> weights,
        ArrayView<double> starts, int leafWidth, int rawWidth, SumKind sum)
    {
        Nodes = nodes;
        Roots = roots;
        Offsets = offsets;
        Leaves = leaves;
        Weights = weights;
        Starts = starts;
        LeafWidth = leafWidth;
        RawWidth = rawWidth;
        Sum = (int)sum;
    }

    /// <summary>Four ints per node, together so one walk step reads one 16-byte line: column, true, false, unknown child.</summary>
    public ArrayView<int> Nodes { get; }
    public ArrayView<int> Roots { get; }
    public ArrayView<int> Offsets { get; }
    public ArrayView<double> Leaves { get; }
    public ArrayView<double> Weights { get; }
    public ArrayView<double> Starts { get; }
    public int LeafWidth { get; }
    public int RawWidth { get; }
    public int Sum { get; }

    public bool IsLeaf(int node) => Nodes[4 * node + 1] == node;

    /// <summary><see cref="EnsembleInterpreter.SumAdd"/> on the device.</summary>
    public double Add(double sum, double value, int tree) => Sum switch
    {
        (int)SumKind.Float => (float)sum + (float)value,
        (int)SumKind.Weighted => sum + value * Weights[tree],
        _ => sum + value,
    };
}
