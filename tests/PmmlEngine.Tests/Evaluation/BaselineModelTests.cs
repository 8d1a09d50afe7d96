namespace PmmlEngine.Tests.Evaluation;

/// <summary>BaselineModel test statistics over single values and sequences, worked out in Python from the PMML 4.4 definitions.</summary>
[TestFixture]
public sealed class BaselineModelTests
{
    internal static string Document(string field, string tests) => Pmml.Document($"""
        <DataField name="x" optype="{field}" dataType="{(field == "continuous" ? "double" : "string")}"/>
        <DataField name="score" optype="continuous" dataType="double"/>
        """, $"""
        <BaselineModel functionName="regression">
          <MiningSchema><MiningField name="x"/><MiningField name="score" usageType="target"/></MiningSchema>
          {tests}
        </BaselineModel>
        """);

    [Test]
    public void ZValueOfAValueAndOfASequenceMean()
    {
        var document = Document("continuous", """
            <TestDistributions field="x" testStatistic="zValue"><Baseline><GaussianDistribution mean="10" variance="4"/></Baseline></TestDistributions>
            """);
        foreach (var evaluator in Pmml.LoadBoth(document))
        {
            Assert.That(evaluator.Evaluate(Pmml.Row(("x", 13.0)))["score"], Is.EqualTo(1.5));
            Assert.That((double)evaluator.Evaluate(Pmml.Row(("x", new[] { 11.0, 13.0, 15.0 })))["score"]!, Is.EqualTo(2.598076211353316).Within(1e-15));
            Assert.That(evaluator.Evaluate(Pmml.Row(("x", null)))["score"], Is.Null);
        }
    }

    // The specification's own CUSUM example: baseline N(550.2, 48.2), alternate N(460.4, 39.1), reset 0.
    [TestCase(new[] { 500.0 }, 6.192915122019958)]
    [TestCase(new[] { 500.0, 470.0, 455.0 }, 165.5880894248092)]
    [TestCase(new[] { 500.0, 470.0, 455.0, 560.0 }, 39.83270727735298)]
    public void CusumAccumulatesTheLogLikelihoodRatio(double[] sequence, double expected)
    {
        var document = Document("continuous", """
            <TestDistributions field="x" testStatistic="CUSUM" resetValue="0.0">
              <Baseline><GaussianDistribution mean="550.2" variance="48.2"/></Baseline>
              <Alternate><GaussianDistribution mean="460.4" variance="39.1"/></Alternate>
            </TestDistributions>
            """);
        foreach (var evaluator in Pmml.LoadBoth(document))
            Assert.That((double)evaluator.Evaluate(Pmml.Row(("x", sequence)))["score"]!, Is.EqualTo(expected).Within(expected * 1e-12));
    }

    // Counts a 50, b 30, c 20; ten observations a5 b2 c3 against expected 5, 3, 2: 0 + 1/3 + 1/2.
    [Test]
    public void ChiSquareAgainstACountTable()
    {
        var document = Document("categorical", """
            <TestDistributions field="x" testStatistic="chiSquareDistribution">
              <Baseline><CountTable><FieldValueCount field="x" value="a" count="50"/><FieldValueCount field="x" value="b" count="30"/>
                <FieldValueCount field="x" value="c" count="20"/></CountTable></Baseline>
            </TestDistributions>
            """);
        foreach (var evaluator in Pmml.LoadBoth(document))
        {
            var sequence = new[] { "a", "a", "b", "c", "c", "c", "a", "b", "a", "a" };
            Assert.That((double)evaluator.Evaluate(Pmml.Row(("x", sequence)))["score"]!, Is.EqualTo(1.0 / 3 + 0.5).Within(1e-15));
        }
    }

    [Test]
    public void UnsupportedStatisticsAreRefusedAtLoadByName()
    {
        var document = Document("continuous", """
            <TestDistributions field="x" testStatistic="scalarProduct"><Baseline><GaussianDistribution mean="10" variance="4"/></Baseline></TestDistributions>
            """);
        var error = Assert.Throws<Errors.PmmlMarkupException>(() => Pmml.Load(document));
        Assert.That(error!.Message, Does.Contain("ScalarProduct"));
    }

    [Test]
    public void AnInvalidValueIsAnErrorNamingItsField() => Pmml.AssertRejects(Document("continuous", """<TestDistributions field="x" testStatistic="zValue"><Baseline><GaussianDistribution mean="10" variance="4"/></Baseline></TestDistributions>"""), "x", ("x", "abc"));
}
