using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>A field computed from others by an expression (TransformationDictionary or LocalTransformations).</summary>
public sealed record DerivedField(
    string Name,
    OpType? OpType,
    DataType DataType,
    Expression Expression,
    ImmutableArray<FieldValue> Values,
    SourceLocation Location);
