using System.Collections.Immutable;
using PmmlEngine.Errors;

namespace PmmlEngine.Model;

/// <summary>One machine: the vectors it uses with their coefficients, its bias and the categories it separates.</summary>
public sealed record SupportVectorMachine(
    string? TargetCategory,
    string? AlternateTargetCategory,
    double? Threshold,
    ImmutableArray<string> VectorIds,
    ImmutableArray<double> Coefficients,
    double Bias,
    SourceLocation Location);
