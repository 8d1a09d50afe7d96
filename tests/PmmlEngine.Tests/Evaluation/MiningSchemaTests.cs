using PmmlEngine.Errors;

namespace PmmlEngine.Tests.Evaluation;

/// <summary>Missing, invalid and outlier treatment (PMML 4.4 MiningSchema), checked on y = 2x + 1.</summary>
public sealed class MiningSchemaTests
{
    private static IReadOnlyDictionary<string, object?> Score(string miningField, object? x) => Pmml.Load(Pmml.Document(
        """
        <DataField name="x" optype="continuous" dataType="double"><Interval closure="closedClosed" leftMargin="0" rightMargin="100"/></DataField>
        <DataField name="y" optype="continuous" dataType="double"/>
        """,
        $"""
        <RegressionModel functionName="regression">
          <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x" {miningField}/></MiningSchema>
          <RegressionTable intercept="1"><NumericPredictor name="x" coefficient="2"/></RegressionTable>
        </RegressionModel>
        """)).Evaluate(Pmml.Row(("x", x)));

    [Test]
    public void Invalid_ReturnInvalid_ThrowsNamingFieldAndValue()
    {
        var e = Assert.Throws<PmmlEvaluationException>(() => Score("", 150.0))!;
        Assert.That(e.Field, Is.EqualTo("x"));
        Assert.That(e.Message, Does.Contain("'150'"));
    }

    [TestCase("invalidValueTreatment=\"asIs\"", 150.0, 301.0)]
    [TestCase("invalidValueTreatment=\"asMissing\" missingValueReplacement=\"10\"", 150.0, 21.0)]
    [TestCase("invalidValueTreatment=\"asValue\" invalidValueReplacement=\"50\"", "abc", 101.0)]
    [TestCase("missingValueReplacement=\"3\"", null, 7.0)]
    [TestCase("outliers=\"asExtremeValues\" lowValue=\"10\" highValue=\"20\"", 30.0, 41.0)]
    [TestCase("outliers=\"asExtremeValues\" lowValue=\"10\" highValue=\"20\"", 5.0, 21.0)]
    [TestCase("outliers=\"asMissingValues\" lowValue=\"10\" highValue=\"20\" missingValueReplacement=\"15\"", 30.0, 31.0)]
    public void Treatment_AppliedBeforeScoring(string attributes, object? x, double expected) =>
        Assert.That(Score(attributes, x)["y"], Is.EqualTo(expected));

    [Test]
    public void Missing_NoReplacement_NoPrediction() => Assert.That(Score("", null)["y"], Is.Null);

    /// <summary>
    /// A field without intervals whose declared marker is a number: the marker given as a number (not as text) is still
    /// missing or invalid, on both backends and through the row scorer's numeric input.
    /// </summary>
    [TestCase("missing", -999.0, 11.0)]   // replaced by 5
    [TestCase("missing", 7.0, 15.0)]      // any other number passes
    [TestCase("invalid", -999.0, 11.0)]   // as missing, then replaced
    [TestCase("invalid", 7.0, 15.0)]
    public void NumericMarkers_GivenAsNumbers_AreMissingOrInvalid(string property, double x, double expected)
    {
        var xml = InvalidAsMissing($"""<Value value="-999" property="{property}"/>""", replacement: 5);
        foreach (var evaluator in Pmml.LoadBoth(xml))
        {
            Assert.That(evaluator.Evaluate(Pmml.Row(("x", x)))["y"], Is.EqualTo(expected), evaluator.Backend.ToString());
            var scorer = evaluator.CreateScorer();
            scorer.SetInput(0, x);
            scorer.Evaluate();
            Assert.That(scorer.GetNumber(0), Is.EqualTo(expected), evaluator.Backend + " row scorer");
        }
    }

    /// <summary>
    /// y = 2x + 1 over a double x whose DataField holds <paramref name="domain"/>, with invalid values treated as missing
    /// and missing ones replaced by <paramref name="replacement"/>.
    /// </summary>
    internal static string InvalidAsMissing(string domain, int replacement) => Pmml.Document(
        $"""
        <DataField name="x" optype="continuous" dataType="double">{domain}</DataField>
        <DataField name="y" optype="continuous" dataType="double"/>
        """,
        $"""
        <RegressionModel functionName="regression">
          <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x" invalidValueTreatment="asMissing" missingValueReplacement="{replacement}"/></MiningSchema>
          <RegressionTable intercept="1"><NumericPredictor name="x" coefficient="2"/></RegressionTable>
        </RegressionModel>
        """);

    [Test]
    public void Missing_ReturnInvalidTreatment_Throws() =>
        Assert.Throws<PmmlEvaluationException>(() => Score("missingValueTreatment=\"returnInvalid\"", null));

    /// <summary>
    /// A segment's invalid value treatment over a field its parent prepared changes nothing: the parent kept 150 (outside
    /// the interval) as it is, and no segment finds it invalid again, whatever its MiningField says; a missing value
    /// replacement in the segment still applies.
    /// </summary>
    [TestCase("", 150.0, 301.0)]
    [TestCase("invalidValueTreatment=\"asMissing\" missingValueReplacement=\"10\"", 150.0, 301.0)]
    [TestCase("invalidValueTreatment=\"asValue\" invalidValueReplacement=\"50\"", 150.0, 301.0)]
    [TestCase("invalidValueTreatment=\"asMissing\" missingValueReplacement=\"10\"", null, 21.0)]
    public void NestedInvalidTreatment_OverAPreparedField_ChangesNothing(string segmentField, object? x, double expected)
    {
        var xml = Pmml.Document(
            """
            <DataField name="x" optype="continuous" dataType="double"><Interval closure="closedClosed" leftMargin="0" rightMargin="100"/></DataField>
            <DataField name="y" optype="continuous" dataType="double"/>
            """,
            $"""
            <MiningModel functionName="regression">
              <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x" invalidValueTreatment="asIs"/></MiningSchema>
              <Segmentation multipleModelMethod="sum">
                <Segment><True/>
                  <RegressionModel functionName="regression">
                    <MiningSchema><MiningField name="x" {segmentField}/></MiningSchema>
                    <RegressionTable intercept="1"><NumericPredictor name="x" coefficient="2"/></RegressionTable>
                  </RegressionModel>
                </Segment>
              </Segmentation>
            </MiningModel>
            """);
        foreach (var evaluator in Pmml.LoadBoth(xml))
            Assert.That(evaluator.Evaluate(Pmml.Row(("x", x)))["y"], Is.EqualTo(expected), evaluator.Backend.ToString());
    }
}
