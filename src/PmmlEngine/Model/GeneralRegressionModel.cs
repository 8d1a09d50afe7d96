using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>
/// PMML GeneralRegressionModel: parameters built from predictors by the PPMatrix (factor levels as indicators, covariates
/// raised to powers), their coefficients per equation in the ParamMatrix, and how the linear predictors become a
/// prediction (model type, link, cumulative link, offset, trials).
/// </summary>
public sealed record GeneralRegressionModel : ModelElement
{
    public required GeneralRegressionType ModelType { get; init; }
    public string? TargetReferenceCategory { get; init; }
    public GlmLink? Link { get; init; }
    public double? LinkParameter { get; init; }
    public double? DistParameter { get; init; }
    public CumulativeLink? CumulativeLink { get; init; }
    public string? OffsetVariable { get; init; }
    public double? OffsetValue { get; init; }
    public string? TrialsVariable { get; init; }
    public double? TrialsValue { get; init; }
    public required ImmutableArray<string> Parameters { get; init; }

    /// <summary>Each parameter's referencePoint (CoxRegression centres the linear predictor on them).</summary>
    public ImmutableArray<double> ReferencePoints { get; init; } = [];

    /// <summary>CoxRegression: the field holding the time, the field selecting the baseline stratum, and the baselines.</summary>
    public string? EndTimeVariable { get; init; }

    public string? BaselineStrataVariable { get; init; }
    public ImmutableArray<CoxBaseline> Baselines { get; init; } = [];

    /// <summary>PCovMatrix cells: the covariance of two parameters' estimates (one triangle or both).</summary>
    public ImmutableArray<(string Row, string Column, double Value)> Covariances { get; init; } = [];
    public required ImmutableArray<string> Factors { get; init; }
    public required ImmutableArray<string> Covariates { get; init; }
    public required ImmutableArray<PPCell> PPMatrix { get; init; }
    public required ImmutableArray<PCell> ParamMatrix { get; init; }

    /// <summary>
    /// Factors with a contrast matrix: their Categories, and the matrix whose row is the record's category and column
    /// the PPCell's category.
    /// </summary>
    public ImmutableArray<(string Factor, ImmutableArray<string> Categories, ImmutableArray<ImmutableArray<double>> Matrix)> ContrastMatrices { get; init; } = [];
}
