namespace PmmlEngine.Tests.Evaluation;

/// <summary>
/// BayesianNetworkModel exact inference on the classic burglary network (Russell and Norvig; P(B | j, m) ≈ 0.284) with a
/// continuous leaf, against enumeration written in Python.
/// </summary>
[TestFixture]
public sealed class BayesianNetworkTests
{
    private static string Discrete(string name, string parents, params (string Given, double True)[] rows) =>
        $"<DiscreteNode name=\"{name}\">" + string.Concat(rows.Select(r => parents.Length == 0
            ? $"<ValueProbability value=\"T\" probability=\"{r.True}\"/><ValueProbability value=\"F\" probability=\"{1 - r.True}\"/>"
            : $"<DiscreteConditionalProbability>{r.Given}<ValueProbability value=\"T\" probability=\"{r.True}\"/><ValueProbability value=\"F\" probability=\"{1 - r.True}\"/></DiscreteConditionalProbability>"))
        + "</DiscreteNode>";

    private static string Given(params (string Parent, string Value)[] values) =>
        string.Concat(values.Select(v => $"<ParentValue parent=\"{v.Parent}\" value=\"{v.Value}\"/>"));

    internal static readonly string Document = Pmml.Document(
        string.Concat(new[] { "B", "E", "A", "J", "M" }.Select(n => $"<DataField name=\"{n}\" optype=\"categorical\" dataType=\"string\"><Value value=\"T\"/><Value value=\"F\"/></DataField>"))
        + "<DataField name=\"Noise\" optype=\"continuous\" dataType=\"double\"/>", $"""
        <BayesianNetworkModel functionName="classification" inferenceMethod="Exact">
          <MiningSchema>
            <MiningField name="E"/><MiningField name="J"/><MiningField name="M"/><MiningField name="Noise"/><MiningField name="B" usageType="target"/>
          </MiningSchema>
          <Output><OutputField name="pT" feature="probability" value="T"/></Output>
          <BayesianNetworkNodes>
            {Discrete("A", "BE", (Given(("B", "T"), ("E", "T")), 0.95), (Given(("B", "T"), ("E", "F")), 0.94),
                (Given(("B", "F"), ("E", "T")), 0.29), (Given(("B", "F"), ("E", "F")), 0.001))}
            {Discrete("B", "", ("", 0.001))}
            {Discrete("E", "", ("", 0.002))}
            {Discrete("J", "A", (Given(("A", "T")), 0.9), (Given(("A", "F")), 0.05))}
            {Discrete("M", "A", (Given(("A", "T")), 0.7), (Given(("A", "F")), 0.01))}
            <ContinuousNode name="Noise">
              <ContinuousConditionalProbability>{Given(("A", "T"))}<ContinuousDistribution><NormalDistributionForBN>
                <Mean><Constant>5</Constant></Mean><Variance><Constant>1</Constant></Variance></NormalDistributionForBN></ContinuousDistribution>
              </ContinuousConditionalProbability>
              <ContinuousConditionalProbability>{Given(("A", "F"))}<ContinuousDistribution><NormalDistributionForBN>
                <Mean><Constant>1</Constant></Mean><Variance><Constant>1</Constant></Variance></NormalDistributionForBN></ContinuousDistribution>
              </ContinuousConditionalProbability>
            </ContinuousNode>
          </BayesianNetworkNodes>
        </BayesianNetworkModel>
        """);

    [TestCase("T", "T", null, null, 0.2841718353643929)]
    [TestCase("T", null, null, null, 0.016283729946769934)]
    [TestCase(null, null, null, null, 0.001)]                   // no evidence: the prior
    [TestCase("T", "T", 4.0, null, 0.3714115159212307)]         // an observed continuous leaf contributes its density
    [TestCase("T", "T", null, "T", 0.0032622416021499258)]      // an earthquake explains the alarm away
    public void Posterior(string? j, string? m, double? noise, string? e, double expected)
    {
        foreach (var evaluator in Pmml.LoadBoth(Document))
        {
            var result = evaluator.Evaluate(Pmml.Row(("J", j), ("M", m), ("Noise", noise), ("E", e)));
            Assert.That((double)result["pT"]!, Is.EqualTo(expected).Within(expected * 1e-12));
            Assert.That(result["B"], Is.EqualTo("F"));
        }
    }

    [Test]
    public void ACycleIsAMarkupError()
    {
        var cyclic = Document.Replace("""<DiscreteNode name="B"><ValueProbability value="T" probability="0.001"/><ValueProbability value="F" probability="0.999"/></DiscreteNode>""",
            Discrete("B", "J", (Given(("J", "T")), 0.5), (Given(("J", "F")), 0.5)));
        var error = Assert.Throws<Errors.PmmlMarkupException>(() => Pmml.Load(cyclic));
        Assert.That(error!.Message, Does.Contain("cycle"));
    }

    [Test]
    public void AnInvalidValueIsAnErrorNamingItsField() => Pmml.AssertRejects(Document, "Noise", ("J", "T"), ("Noise", "abc"));
}
