using PmmlEngine.Errors;

namespace PmmlEngine.Tests.Evaluation;

/// <summary>Scorecard points, ComplexPartialScore and reason-code ranking on both backends, worked out by hand from PMML 4.4.</summary>
[TestFixture]
public sealed class ScorecardTests
{
    internal static string Document(string algorithm) => $"""
        <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/>
          <DataDictionary>
            <DataField name="dept" optype="categorical" dataType="string">
              <Value value="engineering"/><Value value="marketing"/><Value value="business"/><Value value="other"/>
            </DataField>
            <DataField name="age" optype="continuous" dataType="double"/>
            <DataField name="income" optype="continuous" dataType="double"/>
            <DataField name="score" optype="continuous" dataType="double"/>
          </DataDictionary>
          <Scorecard functionName="regression" initialScore="10" useReasonCodes="true" reasonCodeAlgorithm="{algorithm}" baselineMethod="other">
            <MiningSchema>
              <MiningField name="dept"/><MiningField name="age"/><MiningField name="income"/><MiningField name="score" usageType="target"/>
            </MiningSchema>
            <Output>
              <OutputField name="points" feature="predictedValue"/>
              <OutputField name="rc1" feature="reasonCode" rank="1"/>
              <OutputField name="rc2" feature="reasonCode" rank="2"/>
              <OutputField name="rc3" feature="reasonCode" rank="3"/>
            </Output>
            <Characteristics>
              <Characteristic name="depScore" reasonCode="RC1" baselineScore="19">
                <Attribute partialScore="-9"><SimplePredicate field="dept" operator="isMissing"/></Attribute>
                <Attribute partialScore="19"><SimplePredicate field="dept" operator="equal" value="marketing"/></Attribute>
                <Attribute partialScore="3"><SimplePredicate field="dept" operator="equal" value="engineering"/></Attribute>
                <Attribute partialScore="6"><SimplePredicate field="dept" operator="equal" value="business"/></Attribute>
              </Characteristic>
              <Characteristic name="ageScore" reasonCode="RC2" baselineScore="18">
                <Attribute partialScore="0"><SimplePredicate field="age" operator="isMissing"/></Attribute>
                <Attribute partialScore="12"><SimplePredicate field="age" operator="lessOrEqual" value="18"/></Attribute>
                <Attribute partialScore="18">
                  <CompoundPredicate booleanOperator="and">
                    <SimplePredicate field="age" operator="greaterThan" value="18"/><SimplePredicate field="age" operator="lessOrEqual" value="29"/>
                  </CompoundPredicate>
                </Attribute>
                <Attribute partialScore="25"><SimplePredicate field="age" operator="greaterThan" value="29"/></Attribute>
              </Characteristic>
              <Characteristic name="incomeScore" reasonCode="RC3" baselineScore="10">
                <Attribute partialScore="3"><SimplePredicate field="income" operator="isMissing"/></Attribute>
                <Attribute>
                  <SimplePredicate field="income" operator="lessOrEqual" value="1000"/>
                  <ComplexPartialScore><Apply function="+"><Apply function="*"><FieldRef field="income"/><Constant>0.03</Constant></Apply><Constant>11</Constant></Apply></ComplexPartialScore>
                </Attribute>
                <Attribute partialScore="5" reasonCode="RC2">
                  <CompoundPredicate booleanOperator="and">
                    <SimplePredicate field="income" operator="greaterThan" value="1000"/><SimplePredicate field="income" operator="lessOrEqual" value="2500"/>
                  </CompoundPredicate>
                </Attribute>
                <Attribute partialScore="15"><SimplePredicate field="income" operator="greaterThan" value="2500"/></Attribute>
              </Characteristic>
            </Characteristics>
          </Scorecard>
        </PMML>
        """;

    // pointsBelow adds baseline − points per code; negative totals are not reported; equal totals keep first-met order.
    // engineering/25/500: 10 + 3 + 18 + (500·0.03 + 11) = 57; RC1 16, RC2 0, RC3 −16.
    [TestCase("pointsBelow", "engineering", 25.0, 500.0, 57.0, "RC1", "RC2", null)]
    // marketing/15/2000: 10 + 19 + 12 + 5 = 46; RC1 0, RC2 6 + 5 (the income attribute's own code) = 11.
    [TestCase("pointsBelow", "marketing", 15.0, 2000.0, 46.0, "RC2", "RC1", null)]
    // all but income missing: 10 − 9 + 0 + 15 = 16; RC1 28, RC2 18, RC3 −5.
    [TestCase("pointsBelow", null, null, 3000.0, 16.0, "RC1", "RC2", null)]
    // pointsAbove adds points − baseline: RC1 −16, RC2 0, RC3 16.
    [TestCase("pointsAbove", "engineering", 25.0, 500.0, 57.0, "RC3", "RC2", null)]
    [TestCase("pointsAbove", "business", 40.0, 3000.0, 56.0, "RC2", "RC3", null)]
    public void ScoresAndRanksReasonCodes(string algorithm, string? dept, double? age, double income, double points, string? rc1, string? rc2, string? rc3)
    {
        foreach (var evaluator in Pmml.LoadBoth(Document(algorithm)))
        {
            var result = evaluator.Evaluate(Pmml.Row(("dept", dept), ("age", age), ("income", income)));
            Assert.That((double)result["score"]!, Is.EqualTo(points).Within(1e-12));
            Assert.That(result["points"], Is.EqualTo(result["score"]));
            Assert.That(new[] { result["rc1"], result["rc2"], result["rc3"] }, Is.EqualTo(new object?[] { rc1, rc2, rc3 }));
        }
    }

    [Test]
    public void ACharacteristicWithNoTrueAttributeIsAnErrorNamingIt()
    {
        foreach (var evaluator in Pmml.LoadBoth(Document("pointsBelow")))
        {
            var error = Assert.Throws<PmmlEvaluationException>(() => evaluator.Evaluate(Pmml.Row(("dept", "other"), ("age", 30.0), ("income", 1.0))));
            Assert.That(error!.Message, Does.Contain("depScore"));
            Assert.That(error.Location.Line, Is.GreaterThan(0));
        }
    }

    [Test]
    public void ReasonCodesNeedABaseline()
    {
        var document = Document("pointsBelow").Replace(" baselineScore=\"18\"", "");
        var error = Assert.Throws<PmmlMarkupException>(() => Pmml.Load(document));
        Assert.That(error!.Message, Does.Contain("ageScore").And.Contain("baselineScore"));
    }

    [Test]
    public void AnInvalidValueIsAnErrorNamingItsField() => Pmml.AssertRejects(Document("pointsBelow"), "age", ("dept", "business"), ("age", "abc"), ("income", 1.0));
}
