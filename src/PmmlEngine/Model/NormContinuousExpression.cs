using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record NormContinuousExpression(
    string Field, ImmutableArray<LinearNorm> Norms, OutlierTreatment Outliers, double? MapMissingTo, SourceLocation Location)
    : Expression(Location);
