using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record ScoreDistribution(string Value, double RecordCount, double? Confidence, double? Probability);
