using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>
/// ExponentialSmoothing's final state: the smoothed level, an optional trend (with its damping φ) and seasonal indices
/// (one period starting at <see cref="SeasonalPhase"/>), and the transformation the series was smoothed under.
/// </summary>
public sealed record ExponentialSmoothing(
    double Level,
    ExpoSmoothTrend Trend,
    double TrendValue,
    double Phi,
    ExpoSmoothSeasonality Seasonality,
    ImmutableArray<double> Seasonal,
    int SeasonalPhase,
    ExpoSmoothTransformation Transformation);
