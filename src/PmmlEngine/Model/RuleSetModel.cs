using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>
/// PMML RuleSetModel: rules in document order, the first RuleSelectionMethod's criterion, and the default score and
/// confidence used when no rule fires.
/// </summary>
public sealed record RuleSetModel : ModelElement
{
    public required RuleSelectionCriterion Criterion { get; init; }
    public required ImmutableArray<Rule> Rules { get; init; }
    public string? DefaultScore { get; init; }
    public double? DefaultConfidence { get; init; }
}
