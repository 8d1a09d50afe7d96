using System.Collections.Immutable;
using PmmlEngine.Errors;

namespace PmmlEngine.Model;

/// <summary>A Cluster: its optional id and name and its center, one coordinate per center field.</summary>
public sealed record Cluster(string? Id, string? Name, ImmutableArray<string> Center, SourceLocation Location);
