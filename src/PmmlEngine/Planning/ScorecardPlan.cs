using PmmlEngine.Errors;

namespace PmmlEngine.Planning;

public sealed class ScorecardPlan : ModelPlan
{
    public required double InitialScore { get; init; }
    public required bool UseReasonCodes { get; init; }

    /// <summary>pointsAbove: partial score minus baseline; pointsBelow: baseline minus partial score.</summary>
    public required bool PointsAbove { get; init; }

    public required CharacteristicPlan[] Characteristics { get; init; }

    /// <summary>Every attribute by <see cref="ScorecardAttributePlan.Index"/>.</summary>
    public required ScorecardAttributePlan[] AllAttributes { get; init; }

    /// <summary>The distinct reason codes; attributes refer to them by index.</summary>
    public required string[] ReasonCodes { get; init; }
}

public sealed record CharacteristicPlan(string Name, double Baseline, ScorecardAttributePlan[] Attributes, SourceLocation Location);

/// <summary>An attribute: its predicate, its points (<see cref="Complex"/> when computed) and its reason code's index, or -1.</summary>
public sealed record ScorecardAttributePlan(int Index, PredicatePlan Predicate, double PartialScore, PlanExpression? Complex, int ReasonCode);
