using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record DiscretizeExpression(
    string Field, ImmutableArray<DiscretizeBin> Bins, string? MapMissingTo, string? DefaultValue, DataType? DataType, SourceLocation Location)
    : Expression(Location);
