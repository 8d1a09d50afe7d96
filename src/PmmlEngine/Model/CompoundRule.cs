using System.Collections.Immutable;
using PmmlEngine.Errors;

namespace PmmlEngine.Model;

/// <summary>A rule whose nested rules are considered only when its own predicate is true.</summary>
public sealed record CompoundRule(ImmutableArray<Rule> Rules, Predicate Predicate, SourceLocation Location) : Rule(Predicate, Location);
