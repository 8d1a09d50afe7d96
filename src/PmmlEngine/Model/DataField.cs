using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>A field of the DataDictionary: the names, types and domains of the model's inputs and targets.</summary>
public sealed record DataField(
    string Name,
    string? DisplayName,
    OpType OpType,
    DataType DataType,
    ImmutableArray<FieldValue> Values,
    ImmutableArray<Interval> Intervals,
    SourceLocation Location);
