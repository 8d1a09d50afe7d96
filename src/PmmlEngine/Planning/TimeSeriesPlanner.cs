using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Planning;

internal sealed class TimeSeriesPlanner(ModelPlanner models)
{
    public TimeSeriesPlan Plan(TimeSeriesModel model, Scope scope, TargetPlan target, int[] active)
    {
        var context = models.Context;
        if (active.Length != 1)
            context.Error(MarkupProblemKind.InvalidElement, $"a TimeSeriesModel has one active field, the forecast horizon; found {active.Length}", model.Location);
        // bestFit names the algorithm when the document carries several; otherwise the one present is used.
        var useStateSpace = model.StateSpace is not null && (model.BestFit == "StateSpaceModel" || model.ExponentialSmoothing is null && model.Arima is null);
        var useArima = !useStateSpace && model.Arima is not null && (model.ExponentialSmoothing is null || model.BestFit == "ARIMA");
        if (useStateSpace && model.StateSpace is { } space)
        {
            var n = space.State.Length;
            if (space.Transition.Length != n || space.Transition.Any(r => r.Length != n) || space.Measurement.Length != n)
                context.Error(MarkupProblemKind.InvalidElement, $"StateSpaceModel needs a {n}×{n} TransitionMatrix and a 1×{n} MeasurementMatrix for its {n} states", space.Location);
        }
        if (!useArima && model.ExponentialSmoothing is { } smoothing)
        {
            if (smoothing.Trend == ExpoSmoothTrend.PolynomialExponential)
                context.Error(MarkupProblemKind.UnsupportedAttribute, "trend 'polynomial_exponential' is not supported yet", model.Location);
            if (smoothing.Seasonality != ExpoSmoothSeasonality.None && smoothing.Seasonal.Length == 0)
                context.Error(MarkupProblemKind.MissingElement, "Seasonality_ExpoSmooth needs an Array of seasonal indices", model.Location);
        }
        double[] autoRegressive = [], movingAverage = [];
        if (useArima && model.Arima is { } arima)
        {
            if (arima.Period < 0 || arima.Period == 0 && (arima.SeasonalAr.Length > 0 || arima.SeasonalMa.Length > 0 || arima.SeasonalDifferences > 0))
                context.Error(MarkupProblemKind.InvalidAttribute, "a SeasonalComponent needs a positive period", arima.Location);
            autoRegressive = Functions.ArimaPolynomials.AutoRegressive(arima);
            movingAverage = Functions.ArimaPolynomials.MovingAverage(arima);
            if (arima.Series.Length < autoRegressive.Length - 1)
                context.Error(MarkupProblemKind.MissingElement, $"ARIMA needs the last {autoRegressive.Length - 1} values of the original TimeSeries, found {arima.Series.Length}", arima.Location);
            if (arima.Residuals.Length < movingAverage.Length - 1)
                context.Error(MarkupProblemKind.MissingElement, $"ARIMA needs the last {movingAverage.Length - 1} residuals, found {arima.Residuals.Length}", arima.Location);
        }
        return new TimeSeriesPlan
        {
            Element = model,
            Target = target,
            ActiveSlots = active,
            HorizonSlot = active.Length > 0 ? active[0] : -1,
            HorizonField = active.Length > 0 ? context.Slots[active[0]].Name : "",
            Smoothing = useArima || useStateSpace ? null : model.ExponentialSmoothing,
            Arima = useArima ? model.Arima : null,
            StateSpace = useStateSpace ? model.StateSpace : null,
            AutoRegressive = autoRegressive,
            MovingAverage = movingAverage,
        };
    }
}
