using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;

namespace PmmlEngine.Backends.Compiled;

/// <summary>The buffers one thread uses to combine an ensemble's segments, sized once.</summary>
internal sealed class EnsembleState(int segments, int categories, bool keepSegmentResults)
{
    /// <summary>Each segment's result for this record, kept only when segment-level outputs read them.</summary>
    public ModelResult?[]? SegmentResults { get; } = keepSegmentResults ? new ModelResult?[segments] : null;

    public int[] Scored { get; } = new int[segments];

    /// <summary>The results of the segments in <see cref="Scored"/>, in the same order.</summary>
    public ModelResult[] ScoredResults { get; } = new ModelResult[segments];

    /// <summary>Each tree's outcome and penalties from <see cref="TreeLanes.Walk"/>.</summary>
    public int[] Outcomes { get; } = new int[segments];
    public int[] Penalties { get; } = new int[segments];
    public double[] Values { get; } = new double[segments];
    public double[] Weights { get; } = new double[segments];
    public double[] Totals { get; } = new double[categories];
    public double[] Aligned { get; } = new double[categories];
    public double[] AlignedConfidences { get; } = new double[categories];

    /// <summary>
    /// A tree sum's running sum for this record, computed ahead by the batch kernel (<see cref="TreeSumBatch"/>) for a
    /// sum inside a model chain; NaN when there is none, and the trees are walked.
    /// </summary>
    public double PresetSum { get; set; } = double.NaN;

    /// <summary>For the combinations left to the interpreter's arithmetic.</summary>
    public List<(SegmentPlan Segment, ModelResult Result)> Pairs { get; } = new(segments);
}
