using System.Collections.Immutable;
using PmmlEngine.Errors;

namespace PmmlEngine.Model;

/// <summary>A scorecard Characteristic: its attributes in order (the first that matches scores) and its baseline.</summary>
public sealed record Characteristic(string? Name, string? ReasonCode, double? BaselineScore, ImmutableArray<ScorecardAttribute> Attributes, SourceLocation Location);
