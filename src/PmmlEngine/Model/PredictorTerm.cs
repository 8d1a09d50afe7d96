using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>An interaction term: the product of several fields times a coefficient.</summary>
public sealed record PredictorTerm(ImmutableArray<string> Fields, double Coefficient);
