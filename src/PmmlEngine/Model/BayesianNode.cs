using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>
/// A node: its name (a field), and per combination of parent values (empty for a root) either the probability of each
/// of its values (discrete) or a distribution (continuous).
/// </summary>
public sealed record BayesianNode(string Name, bool Continuous, ImmutableArray<BayesianConditional> Conditionals, Errors.SourceLocation Location);
