namespace PmmlEngine.Model;

/// <summary>
/// PMML 4.4 TimeSeriesModel. The forecast horizon h (1 = the next period) is the value of the model's active field;
/// the prediction is the chosen algorithm's forecast h periods after the end of the series.
/// </summary>
public sealed record TimeSeriesModel : ModelElement
{
    public required ExponentialSmoothing? ExponentialSmoothing { get; init; }
    public required Arima? Arima { get; init; }
    public StateSpaceModel? StateSpace { get; init; }
    public string? BestFit { get; init; }
}
