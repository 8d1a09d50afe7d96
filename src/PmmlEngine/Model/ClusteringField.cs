using System.Collections.Immutable;
using PmmlEngine.Errors;

namespace PmmlEngine.Model;

/// <summary>
/// A ClusteringField: the field compared, its weight, its own compare function and gaussSim scale, and for the table
/// compare function the Comparisons matrix (rows and columns in the order of the field's valid values).
/// </summary>
public sealed record ClusteringField(
    string Field,
    bool IsCenterField,
    double Weight,
    double? SimilarityScale,
    CompareFunction? CompareFunction,
    ImmutableArray<ImmutableArray<double>> Comparisons,
    SourceLocation Location);
