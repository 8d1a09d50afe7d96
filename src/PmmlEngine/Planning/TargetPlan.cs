using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A model's target: its type, categories (classification) and Targets post-processing.</summary>
public sealed class TargetPlan(string? fieldName, DataType dataType, OpType opType, Value[] categories, Target? target)
{
    public string? FieldName { get; } = fieldName;
    public DataType DataType { get; } = dataType;
    public OpType OpType { get; } = opType;

    /// <summary>Classification categories in the order probabilities are reported and ties are broken.</summary>
    public Value[] Categories { get; } = categories;

    public Target? Target { get; } = target;

    /// <summary>TargetValue priorProbability per category, used when no prediction can be made.</summary>
    public double[]? Priors { get; init; }

    /// <summary>TargetValue defaultValue, used by regression models when no prediction can be made.</summary>
    public Value DefaultValue { get; init; }

    /// <summary>The slot holding the actual target value when the caller supplies it (for residual outputs), else -1.</summary>
    public int ActualSlot { get; init; } = -1;

    public Dictionary<Value, string> DisplayValues { get; init; } = [];

    public int IndexOf(Value category)
    {
        for (var i = 0; i < Categories.Length; i++)
            if (Categories[i].Equals(category))
                return i;
        return -1;
    }
}
