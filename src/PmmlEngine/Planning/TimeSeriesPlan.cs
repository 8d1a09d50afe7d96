using PmmlEngine.Model;

namespace PmmlEngine.Planning;

/// <summary>A TimeSeriesModel: the horizon's slot and the algorithm that forecasts (exponential smoothing unless bestFit names ARIMA).</summary>
public sealed class TimeSeriesPlan : ModelPlan
{
    public required int HorizonSlot { get; init; }
    public required string HorizonField { get; init; }
    public ExponentialSmoothing? Smoothing { get; init; }
    public Arima? Arima { get; init; }

    /// <summary>ARIMA's autoregressive and moving-average lag polynomials, multiplied out once at load.</summary>
    public double[] AutoRegressive { get; init; } = [];

    public double[] MovingAverage { get; init; } = [];
    public StateSpaceModel? StateSpace { get; init; }
}
