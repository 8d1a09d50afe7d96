using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record RegressionTable(
    double Intercept,
    string? TargetCategory,
    ImmutableArray<NumericPredictor> NumericPredictors,
    ImmutableArray<CategoricalPredictor> CategoricalPredictors,
    ImmutableArray<PredictorTerm> PredictorTerms);
