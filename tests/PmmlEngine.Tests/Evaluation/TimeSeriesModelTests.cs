namespace PmmlEngine.Tests.Evaluation;

/// <summary>TimeSeriesModel forecasts by horizon, worked out by hand (and in Python) from the smoothing and ARIMA recursions.</summary>
[TestFixture]
public sealed class TimeSeriesModelTests
{
    private static string Document(string body, string timeSeries = "", string outputs = "") => Pmml.Document("""
        <DataField name="h" optype="continuous" dataType="integer"/><DataField name="y" optype="continuous" dataType="double"/>
        """, $"""
        <TimeSeriesModel functionName="timeSeries">
          <MiningSchema><MiningField name="h"/><MiningField name="y" usageType="target"/></MiningSchema>
          {(outputs.Length == 0 ? "" : $"<Output>{outputs}</Output>")}
          {timeSeries}
          {body}
        </TimeSeriesModel>
        """);

    internal static string Smoothing(string trend, string season, string transformation = "none") => Document($"""
        <ExponentialSmoothing transformation="{transformation}">{trend}{season}</ExponentialSmoothing>
        """);

    [TestCase(1, 107.0)]    // 100 + 2 + 5
    [TestCase(6, 109.0)]    // 100 + 12 + S[(6 − 1) mod 4] = −3
    public void AdditiveTrendAndSeason(int h, double expected)
    {
        var document = Smoothing("""<Level alpha="0.3" smoothedValue="100"/><Trend_ExpoSmooth trend="additive" gamma="0.1" smoothedValue="2"/>""",
            """<Seasonality_ExpoSmooth type="additive" period="4" delta="0.2"><Array n="4" type="real">5 -3 0 -2</Array></Seasonality_ExpoSmooth>""");
        foreach (var evaluator in Pmml.LoadBoth(document))
            Assert.That(evaluator.Evaluate(Pmml.Row(("h", h)))["y"], Is.EqualTo(expected));
    }

    [TestCase("""<Trend_ExpoSmooth trend="damped_additive" phi="0.9" smoothedValue="2"/>""",
        """<Seasonality_ExpoSmooth type="multiplicative" period="2" phase="1"><Array n="2" type="real">1.1 0.9</Array></Seasonality_ExpoSmooth>""",
        "none", 100.0, 94.39020000000001)]                   // (100 + 2·(0.9 + 0.81 + 0.729)) · S[(1 + 2) mod 2]
    [TestCase("""<Trend_ExpoSmooth trend="multiplicative" smoothedValue="1.1"/>""", "", "logarithmic", 3.0, 37.71281661718178)]   // exp(3 · 1.1²)
    [TestCase("""<Trend_ExpoSmooth trend="damped_multiplicative" phi="0.8" smoothedValue="1.1"/>""", "", "squareroot", 10.0, 131.58637812227323)]
    public void DampedAndMultiplicativeTrends(string trend, string season, string transformation, double level, double expected)
    {
        var h = transformation == "none" ? 3 : 2;
        var document = Smoothing($"""<Level alpha="0.3" smoothedValue="{level}"/>{trend}""", season, transformation);
        foreach (var evaluator in Pmml.LoadBoth(document))
            Assert.That((double)evaluator.Evaluate(Pmml.Row(("h", h)))["y"]!, Is.EqualTo(expected).Within(expected * 1e-14));
    }

    // ARIMA(2,1,1), c = 0.5, φ = (0.4, −0.2), θ = 0.3, last residuals 0.1, −0.5, series 10 12 11 13 14.
    [TestCase(1, 14.65)]
    [TestCase(2, 15.21)]
    [TestCase(3, 15.804)]
    public void ArimaForecastsTheDifferencedSeries(int h, double expected)
    {
        var series = """
            <TimeSeries usage="original">
              <TimeValue index="1" value="10"/><TimeValue index="2" value="12"/><TimeValue index="3" value="11"/>
              <TimeValue index="4" value="13"/><TimeValue index="5" value="14"/>
            </TimeSeries>
            """;
        var document = Document("""
            <ARIMA constantTerm="0.5" predictionMethod="conditionalLeastSquares">
              <NonseasonalComponent p="2" d="1" q="1">
                <AR><Array n="2" type="real">0.4 -0.2</Array></AR>
                <MA><MACoefficients><Array n="1" type="real">0.3</Array></MACoefficients><Residuals><Array n="2" type="real">0.1 -0.5</Array></Residuals></MA>
              </NonseasonalComponent>
            </ARIMA>
            """, series);
        foreach (var evaluator in Pmml.LoadBoth(document))
        {
            Assert.That((double)evaluator.Evaluate(Pmml.Row(("h", h)))["y"]!, Is.EqualTo(expected).Within(1e-12));
            Assert.That(evaluator.Evaluate(Pmml.Row(("h", 0)))["y"], Is.Null);
        }
    }

    // With RMSE 0.5 the h-step standard error is 0.5·√Σψ², ψ = 1, 1.1, 0.94 (the model as a moving average).
    [TestCase(1, 0.5, 14.65 - 1.9599639845400536 * 0.5, null)]
    [TestCase(2, 0.7433034373659253, 13.753152033177964, null)]
    [TestCase(3, 0.879431634636826, null, 17.250536313888247)]
    public void ArimaForecastIntervals(int h, double standardError, double? lower95, double? upper90)
    {
        var document = Document("""
            <ARIMA constantTerm="0.5" predictionMethod="conditionalLeastSquares" RMSE="0.5">
              <NonseasonalComponent p="2" d="1" q="1">
                <AR><Array n="2" type="real">0.4 -0.2</Array></AR>
                <MA><MACoefficients><Array n="1" type="real">0.3</Array></MACoefficients><Residuals><Array n="2" type="real">0.1 -0.5</Array></Residuals></MA>
              </NonseasonalComponent>
            </ARIMA>
            """, """
            <TimeSeries usage="original">
              <TimeValue index="1" value="10"/><TimeValue index="2" value="12"/><TimeValue index="3" value="11"/>
              <TimeValue index="4" value="13"/><TimeValue index="5" value="14"/>
            </TimeSeries>
            """, """
            <OutputField name="se" feature="standardError" dataType="double"/>
            <OutputField name="lower95" feature="confidenceIntervalLower" value="95" dataType="double"/>
            <OutputField name="upper90" feature="confidenceIntervalUpper" value="0.90" dataType="double"/>
            """);
        foreach (var evaluator in Pmml.LoadBoth(document))
        {
            var result = evaluator.Evaluate(Pmml.Row(("h", h)));
            Assert.That((double)result["se"]!, Is.EqualTo(standardError).Within(1e-14));
            if (lower95 is { } lower)
                Assert.That((double)result["lower95"]!, Is.EqualTo(lower).Within(1e-12));
            if (upper90 is { } upper)
                Assert.That((double)result["upper90"]!, Is.EqualTo(upper).Within(1e-12));
        }
    }

    // ARIMA(0,0,0)(1,1,1)₄: yₜ = 1.5·yₜ₋₄ − 0.5·yₜ₋₈ − 0.4·εₜ₋₄, residuals ε₅…ε₈ = 0.1, −0.2, 0.3, 0.5.
    [TestCase(1, 12.96)]     // 1.5·12 − 0.5·10 − 0.4·0.1
    [TestCase(2, 23.08)]     // 1.5·22 − 0.5·20 + 0.4·0.2
    [TestCase(5, 13.44)]     // 1.5·12.96 − 0.5·12, the shock now 0
    public void SeasonalArima(int h, double expected)
    {
        var series = "<TimeSeries usage=\"original\">" + string.Concat(new[] { 10, 20, 30, 40, 12, 22, 33, 41 }.Select((v, i) =>
            $"<TimeValue index=\"{i + 1}\" value=\"{v}\"/>")) + "</TimeSeries>";
        var document = Document("""
            <ARIMA constantTerm="0" predictionMethod="conditionalLeastSquares">
              <NonseasonalComponent p="0" d="0" q="0"/>
              <SeasonalComponent P="1" D="1" Q="1" period="4">
                <AR><Array n="1" type="real">0.5</Array></AR>
                <MA><MACoefficients><Array n="1" type="real">0.4</Array></MACoefficients><Residuals><Array n="4" type="real">0.1 -0.2 0.3 0.5</Array></Residuals></MA>
              </SeasonalComponent>
            </ARIMA>
            """, series);
        foreach (var evaluator in Pmml.LoadBoth(document))
            Assert.That((double)evaluator.Evaluate(Pmml.Row(("h", h)))["y"]!, Is.EqualTo(expected).Within(1e-12));
    }

    // A local linear trend (level 10, slope 2) forecasts 10 + 2h; with the slope halving each step, 10 + 2·(1 + ½ + …).
    [TestCase("1 1", "0 1", 3, 16.0)]
    [TestCase("1 1", "0 0.5", 2, 13.0)]
    [TestCase("1 1", "0 0.5", 3, 13.5)]
    public void StateSpaceForecast(string row1, string row2, int h, double expected)
    {
        var document = Document($"""
            <StateSpaceModel>
              <StateVector><Array n="2" type="real">10 2</Array></StateVector>
              <TransitionMatrix><Matrix><Array type="real">{row1}</Array><Array type="real">{row2}</Array></Matrix></TransitionMatrix>
              <MeasurementMatrix><Matrix><Array type="real">1 0</Array></Matrix></MeasurementMatrix>
            </StateSpaceModel>
            """);
        foreach (var evaluator in Pmml.LoadBoth(document))
            Assert.That(evaluator.Evaluate(Pmml.Row(("h", h)))["y"], Is.EqualTo(expected));
    }

    [Test]
    public void GarchIsRefusedAtLoadByName()
    {
        var error = Assert.Throws<Errors.PmmlMarkupException>(() => Pmml.Load(Document("<GARCH/>")));
        Assert.That(error!.Message, Does.Contain("GARCH"));
    }

    [Test]
    public void AnInvalidValueIsAnErrorNamingItsField() => Pmml.AssertRejects(Smoothing("""<Level smoothedValue="1"/>""", ""), "h", ("h", "abc"));

    // A horizon far beyond any forecast is a data error, not minutes of stepping (found by the differential test).
    [Test]
    public void AHugeHorizonIsAnErrorNamingTheField() =>
        Pmml.AssertRejects(Smoothing("""<Level smoothedValue="1"/>""", ""), "h", ("h", 1e9));
}
