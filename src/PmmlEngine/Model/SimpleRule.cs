using System.Collections.Immutable;
using PmmlEngine.Errors;

namespace PmmlEngine.Model;

/// <summary>A rule that fires with a score, its confidence and weight (both 1 when absent) and optional distribution.</summary>
public sealed record SimpleRule(
    string? Id,
    string Score,
    double Confidence,
    double Weight,
    ImmutableArray<ScoreDistribution> Distribution,
    Predicate Predicate,
    SourceLocation Location) : Rule(Predicate, Location);
