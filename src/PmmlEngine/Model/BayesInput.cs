using System.Collections.Immutable;
using PmmlEngine.Errors;

namespace PmmlEngine.Model;

/// <summary>
/// A BayesInput: PairCounts (input value → category → count), optionally after a DerivedField that bins the input, or
/// TargetValueStats (category → distribution) for a continuous input.
/// </summary>
public sealed record BayesInput(
    string Field,
    DerivedField? Binning,
    ImmutableArray<(string Value, ImmutableArray<(string Category, double Count)> Counts)> PairCounts,
    ImmutableArray<(string Category, BayesDistribution Distribution)> Stats,
    SourceLocation Location);

/// <summary>A continuous distribution of a TargetValueStat: Gaussian (mean, variance) or Poisson (mean).</summary>
public sealed record BayesDistribution(bool Poisson, double Mean, double Variance);
