using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>A PMML EXPRESSION: the right-hand side of a DerivedField, an OutputField or a function body.</summary>
public abstract record Expression(SourceLocation Location);

public sealed record ConstantExpression(string? Text, DataType? DataType, bool IsMissing, SourceLocation Location) : Expression(Location);

public sealed record FieldRefExpression(string Field, string? MapMissingTo, SourceLocation Location) : Expression(Location);

public sealed record NormContinuousExpression(
    string Field, ImmutableArray<LinearNorm> Norms, OutlierTreatment Outliers, double? MapMissingTo, SourceLocation Location)
    : Expression(Location);

public sealed record NormDiscreteExpression(string Field, string Value, double? MapMissingTo, SourceLocation Location) : Expression(Location);

public sealed record DiscretizeExpression(
    string Field, ImmutableArray<DiscretizeBin> Bins, string? MapMissingTo, string? DefaultValue, DataType? DataType, SourceLocation Location)
    : Expression(Location);

public sealed record MapValuesExpression(
    ImmutableArray<FieldColumnPair> Pairs,
    string OutputColumn,
    InlineTable Table,
    string? MapMissingTo,
    string? DefaultValue,
    DataType? DataType,
    SourceLocation Location) : Expression(Location);

public sealed record TextIndexExpression(
    string TextField,
    Expression Term,
    TextIndexOptions Options,
    ImmutableArray<TextIndexNormalization> Normalizations,
    SourceLocation Location) : Expression(Location);

public sealed record ApplyExpression(
    string Function,
    ImmutableArray<Expression> Arguments,
    string? MapMissingTo,
    string? DefaultValue,
    InvalidValueTreatment InvalidValueTreatment,
    SourceLocation Location) : Expression(Location);
