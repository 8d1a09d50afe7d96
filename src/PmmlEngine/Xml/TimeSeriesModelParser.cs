using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class TimeSeriesModelParser
{
    public static TimeSeriesModel Parse(ParseContext context, XElement element)
    {
        var smoothing = element.Child("ExponentialSmoothing");
        var arima = element.Child("ARIMA");
        var stateSpace = element.Child("StateSpaceModel");
        if (smoothing is null && arima is null && stateSpace is null)
            context.Report(MarkupProblemKind.UnsupportedElement, element,
                "TimeSeriesModel needs ExponentialSmoothing, ARIMA or StateSpaceModel; SpectralAnalysis, SeasonalTrendDecomposition and GARCH are not supported yet");
        var model = new TimeSeriesModel
        {
            ElementName = "TimeSeriesModel",
            Function = ModelParser.Function(context, element),
            MiningSchema = ModelParser.ParseMiningSchema(context, element),
            Location = element.Where(),
            BestFit = element.Attr("bestFit"),
            ExponentialSmoothing = smoothing is null ? null : ParseSmoothing(context, smoothing),
            Arima = arima is null ? null : ParseArima(context, element, arima),
            StateSpace = stateSpace is null ? null : ParseStateSpace(context, stateSpace),
        };
        return ModelParser.WithCommon(context, element, model);
    }

    private static ExponentialSmoothing ParseSmoothing(ParseContext context, XElement smoothing)
    {
        var level = smoothing.Child("Level");
        if (level is null)
            context.Report(MarkupProblemKind.MissingElement, smoothing, "ExponentialSmoothing requires a Level");
        var trend = smoothing.Child("Trend_ExpoSmooth");
        var season = smoothing.Child("Seasonality_ExpoSmooth");
        var trendType = trend?.Attr("trend") switch
        {
            null => ExpoSmoothTrend.None,
            "additive" => ExpoSmoothTrend.Additive,
            "damped_additive" => ExpoSmoothTrend.DampedAdditive,
            "multiplicative" => ExpoSmoothTrend.Multiplicative,
            "damped_multiplicative" => ExpoSmoothTrend.DampedMultiplicative,
            "polynomial_exponential" => ExpoSmoothTrend.PolynomialExponential,
            var other => Invalid(context, trend!, $"trend '{other}' is not one of additive, damped_additive, multiplicative, damped_multiplicative, polynomial_exponential"),
        };
        return new ExponentialSmoothing(
            level is null ? 0 : context.RequiredNumber(level, "smoothedValue"),
            trendType,
            trend is null ? 0 : context.Number(trend, "smoothedValue", 0.0),
            trend is null ? 1 : context.Number(trend, "phi", 1.0),
            season is null ? ExpoSmoothSeasonality.None : context.Enum(season, "type", ExpoSmoothSeasonality.Additive),
            season?.Child("Array") is { } array ? [.. MatrixParser.Numbers(context, array)] : [],
            season is null ? 0 : context.Integer(season, "phase", 0),
            context.Enum(smoothing, "transformation", ExpoSmoothTransformation.None));
    }

    private static ExpoSmoothTrend Invalid(ParseContext context, XElement element, string message)
    {
        context.Report(MarkupProblemKind.InvalidAttribute, element, message);
        return ExpoSmoothTrend.None;
    }

    private static StateSpaceModel ParseStateSpace(ParseContext context, XElement model)
    {
        var state = model.Child("StateVector")?.Child("Array");
        var transition = model.Child("TransitionMatrix")?.Child("Matrix");
        var measurement = model.Child("MeasurementMatrix")?.Child("Matrix");
        if (state is null || transition is null || measurement is null)
            context.Report(MarkupProblemKind.MissingElement, model, "StateSpaceModel requires a StateVector, a TransitionMatrix and a MeasurementMatrix");
        var h = measurement is null ? [] : MatrixParser.Parse(context, measurement);
        return new StateSpaceModel(
            state is null ? [] : [.. MatrixParser.Numbers(context, state)],
            transition is null ? [] : MatrixParser.Parse(context, transition),
            h.Length > 0 ? h[0] : [],
            context.Number(model, "intercept", 0.0),
            model.Where());
    }

    private static Arima ParseArima(ParseContext context, XElement model, XElement arima)
    {
        var seasonal = arima.Child("SeasonalComponent");
        if (arima.Attr("predictionMethod") == "exactLeastSquares")
            context.Report(MarkupProblemKind.UnsupportedAttribute, arima, "ARIMA predictionMethod='exactLeastSquares' (Kalman filter) is not supported yet");
        var component = arima.Child("NonseasonalComponent");
        var ma = component?.Child("MA");
        var seasonalMa = seasonal?.Child("MA");
        ImmutableArray<double> Numbers(XElement? array) => array is null ? [] : [.. MatrixParser.Numbers(context, array)];
        // Both components may list the residuals; they are the one series of the model's errors.
        var residuals = Numbers(ma?.Child("Residuals")?.Child("Array"));
        var seasonalResiduals = Numbers(seasonalMa?.Child("Residuals")?.Child("Array"));
        var series = model.Children("TimeSeries").FirstOrDefault(t => (t.Attr("usage") ?? "original") == "original");
        return new Arima(
            context.Number(arima, "constantTerm", 0.0),
            component is null ? 0 : context.Integer(component, "d", 0),
            Numbers(component?.Child("AR")?.Child("Array")),
            Numbers(ma?.Child("MACoefficients")?.Child("Array")),
            residuals.Length >= seasonalResiduals.Length ? residuals : seasonalResiduals,
            (series?.Children("TimeValue") ?? []).OrderBy(v => context.Integer(v, "index", 0)).Select(v => context.RequiredNumber(v, "value")).ToImmutableArray(),
            context.OptionalNumber(arima, "RMSE"),
            arima.Where())
        {
            Period = seasonal is null ? 0 : context.Integer(seasonal, "period", 0),
            SeasonalDifferences = seasonal is null ? 0 : context.Integer(seasonal, "D", 0),
            SeasonalAr = Numbers(seasonal?.Child("AR")?.Child("Array")),
            SeasonalMa = Numbers(seasonalMa?.Child("MACoefficients")?.Child("Array")),
        };
    }
}
