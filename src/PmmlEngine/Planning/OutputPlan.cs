using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A planned OutputField: where its value goes and how it is derived from the model's result.</summary>
public sealed class OutputPlan(OutputField field, int slot, DataType dataType, OpType opType, Value category, PlanExpression? expression)
{
    public OutputField Field { get; } = field;
    public string Name => Field.Name;
    public int Slot { get; } = slot;
    public DataType DataType { get; } = dataType;
    public OpType OpType { get; } = opType;

    /// <summary>The value attribute read as the target's type (probability of which category).</summary>
    public Value Category { get; } = category;

    /// <summary>The index of <see cref="Category"/> among the model's target categories (-1 when absent or not one).</summary>
    public int CategoryIndex { get; init; } = -1;

    public PlanExpression? Expression { get; } = expression;

    /// <summary>The ensemble segment (by position) whose result this output reports (OutputField segmentId), or -1.</summary>
    public int SegmentIndex { get; init; } = -1;

    /// <summary>
    /// Whether the output is computed from its model's own result alone (the predicted value or its display value, a
    /// probability, a confidence), reading nothing else of the record.
    /// </summary>
    public bool ReadsResultOnly => Expression is null && SegmentIndex < 0
        && Field.Feature is ResultFeature.PredictedValue or ResultFeature.PredictedDisplayValue or ResultFeature.Probability or ResultFeature.Confidence;
}
