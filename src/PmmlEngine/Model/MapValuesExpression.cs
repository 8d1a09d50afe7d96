using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record MapValuesExpression(
    ImmutableArray<FieldColumnPair> Pairs,
    string OutputColumn,
    InlineTable Table,
    string? MapMissingTo,
    string? DefaultValue,
    DataType? DataType,
    SourceLocation Location) : Expression(Location);
