using System.Collections.Immutable;
using PmmlEngine.Errors;

namespace PmmlEngine.Model;

/// <summary>
/// A ComparisonMeasure: whether smaller (distance) or larger (similarity) values are closer, the measure that aggregates
/// per-field comparisons, the default compare function, Minkowski's p and binarySimilarity's c00…c11 / d00…d11.
/// </summary>
public sealed record ComparisonMeasure(
    ComparisonKind Kind,
    Measure Measure,
    CompareFunction CompareFunction,
    double MinkowskiP,
    ImmutableArray<double> BinaryNumerators,
    ImmutableArray<double> BinaryDenominators,
    SourceLocation Location);
