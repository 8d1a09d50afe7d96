namespace PmmlEngine.Tests.Evaluation;

/// <summary>
/// SupportVectorMachineModel kernels, representations and classification methods on both backends. Expectations were
/// computed from the PMML 4.4 formulas in Python (math.exp, math.tanh), not by the engine.
/// </summary>
[TestFixture]
public sealed class SupportVectorMachineTests
{
    private const string Fields = """
        <DataField name="x1" optype="continuous" dataType="double"/><DataField name="x2" optype="continuous" dataType="double"/>
        """;

    private const string Dictionary = """
        <VectorDictionary numberOfVectors="3">
          <VectorFields numberOfFields="2"><FieldRef field="x1"/><FieldRef field="x2"/></VectorFields>
          <VectorInstance id="v1"><Array n="2" type="real">1 2</Array></VectorInstance>
          <VectorInstance id="v2"><REAL-SparseArray n="2"><Indices>1 2</Indices><REAL-Entries>-1 0.5</REAL-Entries></REAL-SparseArray></VectorInstance>
          <VectorInstance id="v3"><REAL-SparseArray n="2"/></VectorInstance>
        </VectorDictionary>
        """;

    // f(x) = 0.3 + 0.7·K(x,v1) − 1.2·K(x,v2) + 0.4·K(x,v3), v1 (1,2), v2 (−1,0.5), v3 (0,0).
    internal static string Regression(string kernel) => Pmml.Document(Fields + """<DataField name="y" optype="continuous" dataType="double"/>""", $"""
        <SupportVectorMachineModel functionName="regression">
          <MiningSchema><MiningField name="x1"/><MiningField name="x2"/><MiningField name="y" usageType="target"/></MiningSchema>
          {kernel}
          {Dictionary}
          <SupportVectorMachine>
            <SupportVectors><SupportVector vectorId="v1"/><SupportVector vectorId="v2"/><SupportVector vectorId="v3"/></SupportVectors>
            <Coefficients absoluteValue="0.3"><Coefficient value="0.7"/><Coefficient value="-1.2"/><Coefficient value="0.4"/></Coefficients>
          </SupportVectorMachine>
        </SupportVectorMachineModel>
        """);

    [TestCase("<RadialBasisKernelType gamma=\"0.5\"/>", 0.5, 1.0, 0.5449818151386612)]
    [TestCase("<RadialBasisKernelType gamma=\"0.5\"/>", -2.0, 3.0, 0.2733390217729243)]
    [TestCase("<PolynomialKernelType gamma=\"0.5\" coef0=\"1\" degree=\"2\"/>", 0.5, 1.0, 3.0437499999999997)]
    [TestCase("<PolynomialKernelType gamma=\"0.5\" coef0=\"1\" degree=\"2\"/>", -2.0, 3.0, -2.0749999999999997)]
    [TestCase("<SigmoidKernelType gamma=\"0.2\" coef0=\"-0.5\"/>", 0.5, 1.0, 0.6696937258080078)]
    [TestCase("<SigmoidKernelType gamma=\"0.2\" coef0=\"-0.5\"/>", -2.0, 3.0, 0.08222158154222484)]
    [TestCase("<LinearKernelType/>", 0.5, 1.0, 2.05)]
    [TestCase("<LinearKernelType/>", -2.0, 3.0, -1.1000000000000005)]
    public void Kernels(string kernel, double x1, double x2, double expected)
    {
        foreach (var evaluator in Pmml.LoadBoth(Regression(kernel)))
        {
            Assert.That((double)evaluator.Evaluate(Pmml.Row(("x1", x1), ("x2", x2)))["y"]!, Is.EqualTo(expected).Within(1e-14));
            Assert.That(evaluator.Evaluate(Pmml.Row(("x1", x1), ("x2", null)))["y"], Is.Null);
        }
    }

    // Linear machines a|b: 0.1 + K(x,v1) − K(x,v2); a|c: −0.2 + K(x,v2) − K(x,v3); b|c: 0.05 − K(x,v1) + K(x,v3).
    internal static string Classifier(string attributes, bool pairs) => Pmml.Document(Fields + """
        <DataField name="y" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/><Value value="c"/></DataField>
        """, $"""
        <SupportVectorMachineModel functionName="classification" {attributes}>
          <MiningSchema><MiningField name="x1"/><MiningField name="x2"/><MiningField name="y" usageType="target"/></MiningSchema>
          <LinearKernelType/>
          {Dictionary}
          {Machine("a", pairs ? "b" : null, "0.1", "1 -1 0")}
          {Machine(pairs ? "a" : "b", pairs ? "c" : null, "-0.2", "0 1 -1")}
          {Machine(pairs ? "b" : "c", pairs ? "c" : null, "0.05", "-1 0 1")}
        </SupportVectorMachineModel>
        """);

    private static string Machine(string target, string? alternate, string bias, string coefficients) => $"""
        <SupportVectorMachine targetCategory="{target}" {(alternate is null ? "" : $"alternateTargetCategory=\"{alternate}\"")}>
          <SupportVectors><SupportVector vectorId="v1"/><SupportVector vectorId="v2"/><SupportVector vectorId="v3"/></SupportVectors>
          <Coefficients absoluteValue="{bias}">{string.Concat(coefficients.Split(' ').Select(c => $"<Coefficient value=\"{c}\"/>"))}</Coefficients>
        </SupportVectorMachine>
        """;

    // Decision values (a|b, a|c, b|c): (0.5,1) → 2.6, −0.2, −2.45: votes a 1, b 2; (0,−1) → a 2, c 1; (0,0) → one each: a, listed first.
    [TestCase("classificationMethod=\"OneAgainstOne\"", 0.5, 1.0, "b")]
    [TestCase("classificationMethod=\"OneAgainstOne\"", 0.0, -1.0, "a")]
    [TestCase("classificationMethod=\"OneAgainstOne\"", 0.0, 0.0, "a")]
    [TestCase("", 0.5, 1.0, "b")]              // no classificationMethod, as old R exports: pairs of categories mean one against one
    [TestCase("", 0.0, -1.0, "a")]
    public void OneAgainstOneVotes(string attributes, double x1, double x2, string expected)
    {
        foreach (var evaluator in Pmml.LoadBoth(Classifier(attributes, pairs: true)))
            Assert.That(evaluator.Evaluate(Pmml.Row(("x1", x1), ("x2", x2)))["y"], Is.EqualTo(expected));
    }

    // One against all over the same three machines (a, b, c): (0.5,1) → 2.6, −0.2, −2.45; (−2,3) → 0.6, 3.3, −3.95.
    [TestCase("false", 0.5, 1.0, "c")]
    [TestCase("true", 0.5, 1.0, "a")]
    [TestCase("true", -2.0, 3.0, "b")]
    public void OneAgainstAllTakesTheExtremeDecision(string maxWins, double x1, double x2, string expected)
    {
        foreach (var evaluator in Pmml.LoadBoth(Classifier($"classificationMethod=\"OneAgainstAll\" maxWins=\"{maxWins}\"", pairs: false)))
            Assert.That(evaluator.Evaluate(Pmml.Row(("x1", x1), ("x2", x2)))["y"], Is.EqualTo(expected));
    }

    // Coefficients representation with a categorical vector field: f = −1 + 2·x1 + 3·[c = "u"]; f < 0.5 → yes, else no.
    [TestCase(0.1, "v", "yes")]     // −0.8
    [TestCase(0.1, "u", "no")]      // 2.2
    [TestCase(0.7, "v", "yes")]     // 0.4, below the threshold
    [TestCase(1.0, "v", "no")]      // 1.0
    public void BinaryCoefficients(double x1, string c, string expected)
    {
        var document = Pmml.Document("""
            <DataField name="x1" optype="continuous" dataType="double"/>
            <DataField name="c" optype="categorical" dataType="string"><Value value="u"/><Value value="v"/></DataField>
            <DataField name="y" optype="categorical" dataType="string"><Value value="yes"/><Value value="no"/></DataField>
            """, """
            <SupportVectorMachineModel functionName="classification" svmRepresentation="Coefficients" threshold="0.5" alternateBinaryTargetCategory="no">
              <MiningSchema><MiningField name="x1"/><MiningField name="c"/><MiningField name="y" usageType="target"/></MiningSchema>
              <LinearKernelType/>
              <VectorDictionary><VectorFields><FieldRef field="x1"/><CategoricalPredictor name="c" value="u" coefficient="1"/></VectorFields></VectorDictionary>
              <SupportVectorMachine targetCategory="yes">
                <Coefficients absoluteValue="-1"><Coefficient value="2"/><Coefficient value="3"/></Coefficients>
              </SupportVectorMachine>
            </SupportVectorMachineModel>
            """);
        foreach (var evaluator in Pmml.LoadBoth(document))
            Assert.That(evaluator.Evaluate(Pmml.Row(("x1", x1), ("c", c)))["y"], Is.EqualTo(expected));
    }

    [Test]
    public void AnUnknownSupportVectorIsAMarkupError()
    {
        var error = Assert.Throws<Errors.PmmlMarkupException>(() => Pmml.Load(Regression("<LinearKernelType/>").Replace("vectorId=\"v3\"", "vectorId=\"v9\"")));
        Assert.That(error!.Message, Does.Contain("v9"));
    }

    [Test]
    public void AnInvalidValueIsAnErrorNamingItsField() => Pmml.AssertRejects(Regression("<LinearKernelType/>"), "x1", ("x1", "abc"), ("x2", 1.0));
}
