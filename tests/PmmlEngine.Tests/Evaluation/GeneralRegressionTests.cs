namespace PmmlEngine.Tests.Evaluation;

/// <summary>
/// GeneralRegressionModel: the PPMatrix (factor levels, covariate powers), every link function with offset and trials,
/// multinomial and ordinal classification, on both backends. Expectations were computed from the PMML 4.4 formulas in
/// Python (statistics.NormalDist for probit), not by the engine.
/// </summary>
[TestFixture]
public sealed class GeneralRegressionTests
{
    private const string Fields = """
        <DataField name="x" optype="continuous" dataType="double"/>
        <DataField name="c" optype="categorical" dataType="string"><Value value="u"/><Value value="v"/></DataField>
        """;

    // η = 0.1 + 0.5·x − 0.05·x² + 0.3·[c = u] + offset; μ = g⁻¹(η) · 3 trials.
    internal static string Generalized(string link) => Pmml.Document(Fields + """
        <DataField name="off" optype="continuous" dataType="double"/><DataField name="y" optype="continuous" dataType="double"/>
        """, $"""
        <GeneralRegressionModel functionName="regression" modelType="generalizedLinear" linkFunction="{link}" linkParameter="0.5"
            distParameter="0.5" offsetVariable="off" trialsValue="3">
          <MiningSchema><MiningField name="x"/><MiningField name="c"/><MiningField name="off"/><MiningField name="y" usageType="target"/></MiningSchema>
          <ParameterList><Parameter name="p0"/><Parameter name="p1"/><Parameter name="p2"/><Parameter name="p3"/></ParameterList>
          <FactorList><Predictor name="c"/></FactorList>
          <CovariateList><Predictor name="x"/></CovariateList>
          <PPMatrix>
            <PPCell value="1" predictorName="x" parameterName="p1"/>
            <PPCell value="2" predictorName="x" parameterName="p2"/>
            <PPCell value="u" predictorName="c" parameterName="p3"/>
          </PPMatrix>
          <ParamMatrix>
            <PCell parameterName="p0" beta="0.1"/><PCell parameterName="p1" beta="0.5"/>
            <PCell parameterName="p2" beta="-0.05"/><PCell parameterName="p3" beta="0.3"/>
          </ParamMatrix>
        </GeneralRegressionModel>
        """);

    [TestCase("identity", 2.0, "u", 0.2, 4.2)]
    [TestCase("identity", -1.0, "v", -3.0, -10.350000000000001)]
    [TestCase("log", 2.0, "u", 0.2, 12.165599900534026)]
    [TestCase("logc", -1.0, "v", -3.0, 2.904763090865796)]
    [TestCase("logit", 2.0, "u", 0.2, 2.4065516656757455)]
    [TestCase("probit", 2.0, "u", 0.2, 2.757730022298687)]
    [TestCase("probit", -1.0, "v", -3.0, 0.0008408798304485043)]
    [TestCase("cloglog", -1.0, "v", -3.0, 0.09374110123338708)]
    [TestCase("loglog", 2.0, "u", 0.2, 2.34436675454869)]
    [TestCase("negbin", 2.0, "u", 0.2, -7.963864907407888)]
    [TestCase("negbin", -1.0, "v", -3.0, 0.19671878116397593)]
    [TestCase("oddspower", -1.0, "v", -3.0, 1.0335927898402295)]
    [TestCase("power", 2.0, "u", 0.2, 5.88)]                  // η^(1/0.5) · 3
    public void Links(string link, double x, string c, double offset, double expected)
    {
        foreach (var evaluator in Pmml.LoadBoth(Generalized(link)))
        {
            Assert.That((double)evaluator.Evaluate(Pmml.Row(("x", x), ("c", c), ("off", offset)))["y"]!, Is.EqualTo(expected).Within(Math.Abs(expected) * 1e-12));
            Assert.That(evaluator.Evaluate(Pmml.Row(("x", x), ("c", null), ("off", offset)))["y"], Is.Null, "a missing factor");
            Assert.That(evaluator.Evaluate(Pmml.Row(("x", x), ("c", c), ("off", null)))["y"], Is.Null, "a missing offset");
        }
    }

    // η_a = 0.2 + 0.4·x + 0.5·[c = u], η_b = −0.1 + 0.3·x, the reference c has η = 0.
    [TestCase(2.0, "u", "a", 0.6285317192117624, 0.23122389762214907, 0.14024438316608848)]
    [TestCase(-1.0, "v", "c", 0.3289329222889067, 0.2693074991777379, 0.4017595785333554)]
    public void MultinomialLogistic(double x, string c, string predicted, double pa, double pb, double pc)
    {
        var document = Pmml.Document(Fields + """
            <DataField name="y" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/><Value value="c"/></DataField>
            """, """
            <GeneralRegressionModel functionName="classification" modelType="multinomialLogistic" targetReferenceCategory="c">
              <MiningSchema><MiningField name="x"/><MiningField name="c"/><MiningField name="y" usageType="target"/></MiningSchema>
              <Output><OutputField name="pa" feature="probability" value="a"/><OutputField name="pb" feature="probability" value="b"/>
                <OutputField name="pc" feature="probability" value="c"/></Output>
              <ParameterList><Parameter name="p0"/><Parameter name="p1"/><Parameter name="p2"/></ParameterList>
              <FactorList><Predictor name="c"/></FactorList>
              <CovariateList><Predictor name="x"/></CovariateList>
              <PPMatrix><PPCell value="1" predictorName="x" parameterName="p1"/><PPCell value="u" predictorName="c" parameterName="p2"/></PPMatrix>
              <ParamMatrix>
                <PCell targetCategory="a" parameterName="p0" beta="0.2"/><PCell targetCategory="a" parameterName="p1" beta="0.4"/>
                <PCell targetCategory="a" parameterName="p2" beta="0.5"/>
                <PCell targetCategory="b" parameterName="p0" beta="-0.1"/><PCell targetCategory="b" parameterName="p1" beta="0.3"/>
              </ParamMatrix>
            </GeneralRegressionModel>
            """);
        foreach (var evaluator in Pmml.LoadBoth(document))
        {
            var result = evaluator.Evaluate(Pmml.Row(("x", x), ("c", c)));
            Assert.That(result["y"], Is.EqualTo(predicted));
            Assert.That(new[] { (double)result["pa"]!, (double)result["pb"]!, (double)result["pc"]! },
                Is.EqualTo(new[] { pa, pb, pc }).Within(1e-15));
        }
    }

    internal static string Ordinal(string attributes = "") => Pmml.Document("""
            <DataField name="x" optype="continuous" dataType="double"/>
            <DataField name="y" optype="ordinal" dataType="string"><Value value="low"/><Value value="mid"/><Value value="high"/></DataField>
            """, $"""
            <GeneralRegressionModel functionName="classification" modelType="ordinalMultinomial" cumulativeLink="logit" {attributes}>
              <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
              <Output><OutputField name="low" feature="probability" value="low"/><OutputField name="mid" feature="probability" value="mid"/>
                <OutputField name="high" feature="probability" value="high"/></Output>
              <ParameterList><Parameter name="theta"/><Parameter name="bx"/></ParameterList>
              <CovariateList><Predictor name="x"/></CovariateList>
              <PPMatrix><PPCell value="1" predictorName="x" parameterName="bx"/></PPMatrix>
              <ParamMatrix>
                <PCell targetCategory="low" parameterName="theta" beta="-0.5"/><PCell targetCategory="mid" parameterName="theta" beta="1.0"/>
                <PCell parameterName="bx" beta="0.8"/>
              </ParamMatrix>
            </GeneralRegressionModel>
            """);

    // Intercepts θ_low = −0.5, θ_mid = 1.0 and a shared 0.8·x; logit cumulative link.
    [TestCase(0.5, "low", 0.47502081252106, 0.3271630760375217, 0.1978161114414183)]
    [TestCase(-2.0, "high", 0.10909682119561293, 0.24524687257859162, 0.6456563062257954)]
    [TestCase(3.0, "low", 0.8698915256370021, 0.09781300966454742, 0.03229546469845046)]
    public void OrdinalMultinomial(double x, string predicted, double low, double mid, double high)
    {
        var document = Ordinal();
        foreach (var evaluator in Pmml.LoadBoth(document))
        {
            var result = evaluator.Evaluate(Pmml.Row(("x", x)));
            Assert.That(result["y"], Is.EqualTo(predicted));
            Assert.That(new[] { (double)result["low"]!, (double)result["mid"]!, (double)result["high"]! },
                Is.EqualTo(new[] { low, mid, high }).Within(1e-15));
        }
    }

    // H(t) = H₀(t)·exp(0.3·x − 0.7·[g = b] − (0.3·2 − 0.7·0.5)), H₀ from the stratum's table at the last time ≤ t.
    [TestCase(4.0, "b", "A", 4.0, 0.32100635417193535)]
    [TestCase(4.0, "b", "A", 0.5, 0.0)]                      // before the first baseline time
    [TestCase(4.0, "b", "A", 11.0, null)]                    // after the stratum's maxTime
    [TestCase(4.0, "b", "B", 5.0, 0.6420127083438707)]       // exactly on a baseline time
    [TestCase(1.0, "a", "B", 3.0, 0.21025421927520482)]
    [TestCase(1.0, "a", "C", 3.0, null)]                     // a stratum without a baseline
    public void CoxRegressionCumulativeHazard(double x, string g, string stratum, double time, double? expected)
    {
        var document = Pmml.Document("""
            <DataField name="x" optype="continuous" dataType="double"/>
            <DataField name="g" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/></DataField>
            <DataField name="s" optype="categorical" dataType="string"/>
            <DataField name="t" optype="continuous" dataType="double"/>
            <DataField name="hazard" optype="continuous" dataType="double"/>
            """, """
            <GeneralRegressionModel functionName="regression" modelType="CoxRegression" endTimeVariable="t" baselineStrataVariable="s">
              <MiningSchema><MiningField name="x"/><MiningField name="g"/><MiningField name="s"/><MiningField name="t"/>
                <MiningField name="hazard" usageType="target"/></MiningSchema>
              <ParameterList><Parameter name="p0" referencePoint="2"/><Parameter name="p1" referencePoint="0.5"/></ParameterList>
              <FactorList><Predictor name="g"/></FactorList>
              <CovariateList><Predictor name="x"/></CovariateList>
              <PPMatrix><PPCell value="1" predictorName="x" parameterName="p0"/><PPCell value="b" predictorName="g" parameterName="p1"/></PPMatrix>
              <ParamMatrix><PCell parameterName="p0" beta="0.3"/><PCell parameterName="p1" beta="-0.7"/></ParamMatrix>
              <BaseCumHazardTables>
                <BaselineStratum value="A" maxTime="10">
                  <BaselineCell time="1" cumHazard="0.1"/><BaselineCell time="3" cumHazard="0.25"/><BaselineCell time="6" cumHazard="0.6"/>
                </BaselineStratum>
                <BaselineStratum value="B" maxTime="8"><BaselineCell time="2" cumHazard="0.2"/><BaselineCell time="5" cumHazard="0.5"/></BaselineStratum>
              </BaseCumHazardTables>
            </GeneralRegressionModel>
            """);
        foreach (var evaluator in Pmml.LoadBoth(document))
        {
            var hazard = evaluator.Evaluate(Pmml.Row(("x", x), ("g", g), ("s", stratum), ("t", time)))["hazard"];
            if (expected is null)
                Assert.That(hazard, Is.Null);
            else
                Assert.That((double)hazard!, Is.EqualTo(expected.Value).Within(1e-15));
        }
    }

    // PPCells with a targetCategory: parameter p1 is x in a's equation and z in b's: η_a = 0.2 + 0.4·x, η_b = −0.1 + 0.3·z.
    [Test]
    public void ParametersCanDifferByCategory()
    {
        var document = Pmml.Document("""
            <DataField name="x" optype="continuous" dataType="double"/><DataField name="z" optype="continuous" dataType="double"/>
            <DataField name="y" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/><Value value="c"/></DataField>
            """, """
            <GeneralRegressionModel functionName="classification" modelType="multinomialLogistic" targetReferenceCategory="c">
              <MiningSchema><MiningField name="x"/><MiningField name="z"/><MiningField name="y" usageType="target"/></MiningSchema>
              <Output><OutputField name="pa" feature="probability" value="a"/><OutputField name="pb" feature="probability" value="b"/></Output>
              <ParameterList><Parameter name="p0"/><Parameter name="p1"/></ParameterList>
              <CovariateList><Predictor name="x"/><Predictor name="z"/></CovariateList>
              <PPMatrix>
                <PPCell value="1" predictorName="x" parameterName="p1" targetCategory="a"/>
                <PPCell value="1" predictorName="z" parameterName="p1" targetCategory="b"/>
              </PPMatrix>
              <ParamMatrix>
                <PCell targetCategory="a" parameterName="p0" beta="0.2"/><PCell targetCategory="a" parameterName="p1" beta="0.4"/>
                <PCell targetCategory="b" parameterName="p0" beta="-0.1"/><PCell targetCategory="b" parameterName="p1" beta="0.3"/>
              </ParamMatrix>
            </GeneralRegressionModel>
            """);
        foreach (var evaluator in Pmml.LoadBoth(document))
        {
            var result = evaluator.Evaluate(Pmml.Row(("x", 2.0), ("z", 1.0)));
            Assert.That((double)result["pa"]!, Is.EqualTo(0.5502946151303707).Within(1e-15));
            Assert.That((double)result["pb"]!, Is.EqualTo(0.2472633093758146).Within(1e-15));
            Assert.That(evaluator.Evaluate(Pmml.Row(("x", 2.0), ("z", null)))["y"], Is.Null, "b's predictor is missing");
        }
    }

    // √(xᵀΣx) with x = (1, 2) and Σ = [[0.04, −0.01], [−0.01, 0.09]]: √(0.04 − 0.04 + 0.36) = 0.6.
    [Test]
    public void StandardErrorFromTheParameterCovariance()
    {
        var document = Pmml.Document("""
            <DataField name="x" optype="continuous" dataType="double"/><DataField name="y" optype="continuous" dataType="double"/>
            """, """
            <GeneralRegressionModel functionName="regression" modelType="regression">
              <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
              <Output><OutputField name="se" feature="standardError" dataType="double"/></Output>
              <ParameterList><Parameter name="p0"/><Parameter name="p1"/></ParameterList>
              <CovariateList><Predictor name="x"/></CovariateList>
              <PPMatrix><PPCell value="1" predictorName="x" parameterName="p1"/></PPMatrix>
              <PCovMatrix>
                <PCovCell pRow="p0" pCol="p0" value="0.04"/><PCovCell pRow="p1" pCol="p0" value="-0.01"/><PCovCell pRow="p1" pCol="p1" value="0.09"/>
              </PCovMatrix>
              <ParamMatrix><PCell parameterName="p0" beta="1"/><PCell parameterName="p1" beta="0.5"/></ParamMatrix>
            </GeneralRegressionModel>
            """);
        foreach (var evaluator in Pmml.LoadBoth(document))
        {
            var result = evaluator.Evaluate(Pmml.Row(("x", 2.0)));
            Assert.That(result["y"], Is.EqualTo(2.0));
            Assert.That((double)result["se"]!, Is.EqualTo(0.6).Within(1e-15));
        }
    }

    [Test]
    public void AnInvalidValueIsAnErrorNamingItsField() => Pmml.AssertRejects(Generalized("log"), "c", ("x", 1.0), ("c", "w"), ("off", 0.0));

    // Deviation coding: a → (1, 0), b → (0, 1), c → (−1, −1); y = 10 + 2·M[g][a] + 3·M[g][b].
    [TestCase("a", 12.0)]
    [TestCase("b", 13.0)]
    [TestCase("c", 5.0)]
    public void FactorContrastMatrix(string g, double expected)
    {
        var document = Pmml.Document("""
            <DataField name="g" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/><Value value="c"/></DataField>
            <DataField name="y" optype="continuous" dataType="double"/>
            """, """
            <GeneralRegressionModel functionName="regression" modelType="generalLinear">
              <MiningSchema><MiningField name="g"/><MiningField name="y" usageType="target"/></MiningSchema>
              <ParameterList><Parameter name="p0"/><Parameter name="p1"/><Parameter name="p2"/></ParameterList>
              <FactorList>
                <Predictor name="g" contrastMatrixType="deviation">
                  <Categories><Category value="a"/><Category value="b"/><Category value="c"/></Categories>
                  <Matrix><Array type="real">1 0 0</Array><Array type="real">0 1 0</Array><Array type="real">-1 -1 0</Array></Matrix>
                </Predictor>
              </FactorList>
              <PPMatrix><PPCell value="a" predictorName="g" parameterName="p1"/><PPCell value="b" predictorName="g" parameterName="p2"/></PPMatrix>
              <ParamMatrix><PCell parameterName="p0" beta="10"/><PCell parameterName="p1" beta="2"/><PCell parameterName="p2" beta="3"/></ParamMatrix>
            </GeneralRegressionModel>
            """);
        foreach (var evaluator in Pmml.LoadBoth(document))
            Assert.That(evaluator.Evaluate(Pmml.Row(("g", g)))["y"], Is.EqualTo(expected));
    }

    // An offset shifts every cumulative equation: offset 0.5 at x = 0 is 0.8·x = 0.5 at x = 0.625 without one.
    [Test]
    public void OrdinalOffset()
    {
        foreach (var (shifted, plain) in Pmml.LoadBoth(Ordinal("offsetValue=\"0.5\"")).Zip(Pmml.LoadBoth(Ordinal())))
            Assert.That((double)shifted.Evaluate(Pmml.Row(("x", 0.0)))["low"]!,
                Is.EqualTo((double)plain.Evaluate(Pmml.Row(("x", 0.625)))["low"]!).Within(1e-15));
    }
}
