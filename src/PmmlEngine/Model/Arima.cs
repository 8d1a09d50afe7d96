using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>
/// A (seasonal) ARIMA(p, d, q)(P, D, Q)ₛ with a constant, conditioned on the end of the original series and the last
/// residuals (conditional least squares): φ(B)·Φ(Bˢ)·(1 − B)ᵈ·(1 − Bˢ)ᴰ·yₜ = c + θ(B)·Θ(Bˢ)·εₜ with
/// φ(B) = 1 − Σφᵢ·Bⁱ and θ(B) = 1 − Σθⱼ·Bʲ (likewise Φ, Θ in Bˢ). RMSE, the residuals' standard deviation, gives the
/// forecasts' standard errors.
/// </summary>
public sealed record Arima(
    double Constant,
    int Differences,
    ImmutableArray<double> Ar,
    ImmutableArray<double> Ma,
    ImmutableArray<double> Residuals,
    ImmutableArray<double> Series,
    double? Rmse,
    Errors.SourceLocation Location)
{
    /// <summary>The seasonal period s; 0 without a SeasonalComponent.</summary>
    public int Period { get; init; }

    public int SeasonalDifferences { get; init; }
    public ImmutableArray<double> SeasonalAr { get; init; } = [];
    public ImmutableArray<double> SeasonalMa { get; init; } = [];
}
