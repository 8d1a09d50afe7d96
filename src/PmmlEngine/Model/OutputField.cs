using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>A value the model reports besides its prediction (Output/OutputField).</summary>
public sealed record OutputField(
    string Name,
    string? DisplayName,
    OpType? OpType,
    DataType? DataType,
    string? TargetField,
    ResultFeature Feature,
    string? Value,
    int Rank,
    bool IsFinalResult,
    string? SegmentId,
    Expression? Expression,
    SourceLocation Location)
{
    /// <summary>For association rule outputs (feature ruleValue and the PMML 3 rule features): which rule, and what of it.</summary>
    public RuleSelection? RuleSelection { get; init; }
}
