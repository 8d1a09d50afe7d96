using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>A VectorInstance with its coordinates expanded from a dense or sparse array.</summary>
public sealed record SupportVectorInstance(string Id, ImmutableArray<double> Coordinates);
