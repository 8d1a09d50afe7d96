using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>
/// A non-seasonal ARIMA(p, d, q) with a constant, conditioned on the end of the original series and the last residuals
/// (conditional least squares): enough to forecast by the recursion yₜ = c + Σφᵢ·yₜ₋ᵢ − Σθⱼ·εₜ₋ⱼ on the differenced series.
/// RMSE, the residuals' standard deviation, gives the forecasts' standard errors.
/// </summary>
public sealed record Arima(
    double Constant,
    int Differences,
    ImmutableArray<double> Ar,
    ImmutableArray<double> Ma,
    ImmutableArray<double> Residuals,
    ImmutableArray<double> Series,
    double? Rmse,
    Errors.SourceLocation Location);
