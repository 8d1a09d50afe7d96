using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>A user-defined function: parameters bound by position, a body expression.</summary>
public sealed record DefineFunction(
    string Name,
    OpType? OpType,
    DataType? DataType,
    ImmutableArray<ParameterField> Parameters,
    Expression Body,
    SourceLocation Location);
