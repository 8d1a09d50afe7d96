using PmmlEngine.Evaluation;

namespace PmmlEngine.Tests.Evaluation;

/// <summary>RuleSetModel selection criteria, compound rules and defaults, with expectations worked out by hand from PMML 4.4.</summary>
[TestFixture]
public sealed class RuleSetModelTests
{
    internal static string Document(string criterion) => $"""
        <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/>
          <DataDictionary>
            <DataField name="x" optype="continuous" dataType="double"/>
            <DataField name="y" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/></DataField>
          </DataDictionary>
          <RuleSetModel functionName="classification">
            <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
            <Output>
              <OutputField name="p" feature="predictedValue"/>
              <OutputField name="c" feature="confidence"/>
              <OutputField name="id" feature="entityId"/>
            </Output>
            <RuleSet defaultScore="b" defaultConfidence="0.25">
              <RuleSelectionMethod criterion="{criterion}"/>
              <SimpleRule id="r1" score="a" confidence="0.6" weight="0.5"><SimplePredicate field="x" operator="greaterThan" value="0"/></SimpleRule>
              <CompoundRule>
                <SimplePredicate field="x" operator="greaterThan" value="1"/>
                <SimpleRule id="r2" score="b" confidence="0.7" weight="0.4"><True/></SimpleRule>
                <SimpleRule id="r3" score="b" confidence="0.9" weight="0.3"><True/></SimpleRule>
              </CompoundRule>
            </RuleSet>
          </RuleSetModel>
        </PMML>
        """;

    // x = 2 fires r1 (a, 0.5), r2 (b, 0.4), r3 (b, 0.3); x = 0.5 fires r1 only; x = -1 fires none.
    [TestCase("firstHit", 2.0, "a", 0.6, "r1")]
    [TestCase("weightedMax", 2.0, "a", 0.6, "r1")]
    [TestCase("weightedSum", 2.0, "b", 0.7 / 3, null)]
    [TestCase("weightedSum", 0.5, "a", 0.5, null)]
    [TestCase("firstHit", -1.0, "b", 0.25, null)]
    [TestCase("firstHit", double.NaN, "b", 0.25, null)]
    public void Selects(string criterion, double x, string predicted, double confidence, string? id)
    {
        foreach (var evaluator in Pmml.LoadBoth(Document(criterion)))
        {
            var backend = evaluator.Backend;
            var result = evaluator.Evaluate(new Dictionary<string, object?> { ["x"] = double.IsNaN(x) ? null : x });
            Assert.That(result["y"], Is.EqualTo(predicted), backend.ToString());
            Assert.That((double)result["c"]!, Is.EqualTo(confidence).Within(1e-15), backend.ToString());
            Assert.That(result["id"], Is.EqualTo(id), backend.ToString());
        }
    }

    [Test]
    public void AnInvalidValueIsAnErrorNamingItsField() => Pmml.AssertRejects(Document("firstHit"), "x", ("x", "abc"));
}
