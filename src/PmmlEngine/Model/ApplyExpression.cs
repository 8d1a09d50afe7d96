using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record ApplyExpression(
    string Function,
    ImmutableArray<Expression> Arguments,
    string? MapMissingTo,
    string? DefaultValue,
    InvalidValueTreatment InvalidValueTreatment,
    SourceLocation Location) : Expression(Location);
