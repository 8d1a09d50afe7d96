using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record TargetValue(string? Value, string? DisplayValue, double? PriorProbability, double? DefaultValue);
