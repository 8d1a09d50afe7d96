using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>A Sequence: set ids in order, each after the first preceded by its delimiter.</summary>
public sealed record SequenceDefinition(string Id, ImmutableArray<string> Sets, ImmutableArray<SequenceDelimiter> Delimiters, Errors.SourceLocation Location);
