using PmmlEngine.Backends.Compiled;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;

namespace PmmlEngine.Tensors;

/// <summary>
/// A tree ensemble as arrays, the plan that ONNX export and GPU kernels share. Every tree is a set of nodes in one
/// structure-of-arrays layout: a test node sends a row to its true, false or unknown (feature NaN) child by
/// "column ≤ threshold"; a leaf is a node whose three children are itself, so walking any tree for
/// <see cref="MaxDepth"/> steps ends on its leaf. Each tree adds its leaf's values into <see cref="RawWidth"/> running
/// sums per row, starting at <see cref="Starts"/> and adding with <see cref="Sum"/>'s arithmetic; <see cref="Finish"/>
/// turns those sums into the top model's result exactly as the interpreter would.
/// </summary>
internal sealed class TensorForest
{
    public required DocumentPlan Document { get; init; }
    public required ForestShape Shape { get; init; }

    /// <summary>The fields the trees read (base columns, in this order).</summary>
    public required FeatureMap Features { get; init; }

    /// <summary>Columns after the base ones, each a test of a base column answered as 0/1.</summary>
    public required IndicatorColumn[] Indicators { get; init; }

    public int Width => Features.Count + Indicators.Length;

    public required int[] Column { get; init; }
    public required double[] Threshold { get; init; }
    public required int[] OnTrue { get; init; }
    public required int[] OnFalse { get; init; }
    public required int[] OnUnknown { get; init; }

    /// <summary>Each tree's first node.</summary>
    public required int[] Roots { get; init; }

    /// <summary>Each tree's depth: the most tests on a walk from its root to a leaf.</summary>
    public required int[] Depths { get; init; }

    public int MaxDepth => Depths.Length == 0 ? 0 : Depths.Max();

    public int NodeCount => Column.Length;

    public bool IsLeaf(int node) => OnTrue[node] == node;

    /// <summary>Values per leaf: 1 for a score, the category count for a distribution (+1 for <see cref="ForestShape.Tree"/>'s label).</summary>
    public required int LeafWidth { get; init; }

    /// <summary>Node-major, <see cref="LeafWidth"/> per node; NaN where a leaf makes no prediction, 0 for test nodes.</summary>
    public required double[] Leaves { get; init; }

    /// <summary>For each tree, the first running sum its leaf values are added to.</summary>
    public required int[] Offsets { get; init; }

    /// <summary>For each tree, the factor <see cref="SumKind.Weighted"/> multiplies its values by.</summary>
    public required double[] Weights { get; init; }

    public required int RawWidth { get; init; }
    public required double[] Starts { get; init; }
    public required SumKind Sum { get; init; }

    /// <summary>True when sums add in float32 (XGBoost's x-mathContext="float").</summary>
    public bool IsFloat => Sum == SumKind.Float;

    /// <summary>Turns one row's running sums into the top model's result; the record's inputs are set in the row.</summary>
    public required ForestFinish Finish { get; init; }

    /// <summary>Fills the indicator columns of one row whose base columns are loaded.</summary>
    public void ComputeIndicators(Span<double> row)
    {
        var count = Features.Count;
        for (var i = 0; i < Indicators.Length; i++)
            row[count + i] = Indicators[i].Evaluate(row[Indicators[i].Source]);
    }
}
