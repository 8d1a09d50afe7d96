using PmmlEngine.Errors;

namespace PmmlEngine.Model;

/// <summary>A scorecard Attribute: a predicate and its points, fixed or computed by a ComplexPartialScore expression.</summary>
public sealed record ScorecardAttribute(string? ReasonCode, double? PartialScore, Expression? ComplexPartialScore, Predicate Predicate, SourceLocation Location);
