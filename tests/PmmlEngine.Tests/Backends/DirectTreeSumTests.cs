using PmmlEngine.Backends.Compiled;

namespace PmmlEngine.Tests.Backends;

/// <summary>
/// A document that is one regression tree sum over its inputs is scored by row scorers straight from the record's
/// values when the MiningSchema keeps them as they are, its trees found by the branch-free walk. Every record must score
/// as the interpreter scores it: those the MiningSchema treats, those with a missing feature, and those reaching a leaf
/// without a score included, with the model's Targets (clamped, rescaled, cast) and float arithmetic.
/// </summary>
public sealed class DirectTreeSumTests
{
    // Tree i splits a at 10 + 15i (the first at the clamp), then below it b, c or d, above it a again at 70 + 5i; the
    // last tree's leaf for a in (85, 95] has no score. Scores differ from tree to tree and leaf to leaf.
    private static string Tree(int i, bool lastTree)
    {
        string Leaf(int k, string predicate = "<True/>") =>
            !lastTree || k != 3 ? $"""<Node score="{0.125 * (7 * i + 3 * k) % 2.375 - 1.1 + 1e-3 * i}">{predicate}</Node>""" : $"<Node>{predicate}</Node>";
        var low = (i % 3) switch
        {
            0 => $"""<SimplePredicate field="b" operator="greaterThan" value="{i}"/>""",
            1 => """<SimpleSetPredicate field="c" booleanOperator="isIn"><Array type="string">u w</Array></SimpleSetPredicate>""",
            _ => """<SimpleSetPredicate field="d" booleanOperator="isNotIn"><Array type="string">y</Array></SimpleSetPredicate>""",
        };
        return $"""
            <TreeModel functionName="regression" missingValueStrategy="none">
              <MiningSchema><MiningField name="a"/><MiningField name="b"/><MiningField name="c"/><MiningField name="d"/></MiningSchema>
              <Node><True/>
                <Node><SimplePredicate field="a" operator="lessOrEqual" value="{10 + 15 * i}"/>{Leaf(0, low)}{Leaf(1)}</Node>
                <Node><True/>
                  <Node><SimplePredicate field="a" operator="greaterThan" value="{70 + 5 * i}"/>{Leaf(2)}</Node>
                  {Leaf(3)}
                </Node>
              </Node>
            </TreeModel>
            """;
    }

    private static string Sum(string method, string targetType = "double", string targets = "", string mathContext = "double", string treatment = "continue")
    {
        const int trees = 6;
        var segments = string.Concat(Enumerable.Range(0, trees).Select(i =>
            $"""<Segment id="{i + 1}" weight="{0.5 + i}"><True/>{Tree(i, i == trees - 1)}</Segment>"""));
        return Pmml.Document(
            DirectPaths.Fields + $"""<DataField name="t" optype="continuous" dataType="{targetType}"/>""",
            $"""
            <MiningModel functionName="regression" x-mathContext="{mathContext}">
              {DirectPaths.Schema}
              {targets}
              <Segmentation multipleModelMethod="{method}" missingPredictionTreatment="{treatment}">{segments}</Segmentation>
            </MiningModel>
            """);
    }

    [TestCase("sum", "continue")]
    [TestCase("average", "continue")]
    [TestCase("weightedSum", "continue")]
    [TestCase("weightedAverage", "continue")]
    [TestCase("sum", "returnMissing")]
    [TestCase("weightedAverage", "returnMissing")]
    public void EveryRecord_OfATreeSum_ScoresAsTheInterpreter(string method, string treatment) =>
        DirectPaths.AssertScoresAsTheInterpreter(Sum(method, treatment: treatment), DirectPaths.ForestTexts, e => e.DirectTreeSum is not null);

    // Clamped, rescaled and rounded; or rescaled only, to an integer field, which converts the prediction itself.
    [TestCase("""<Targets><Target field="t" min="-2" max="1.5" rescaleFactor="3" rescaleConstant="0.25" castInteger="round"/></Targets>""")]
    [TestCase("""<Targets><Target field="t" rescaleFactor="3" rescaleConstant="0.25"/></Targets>""")]
    public void EveryRecord_OfAnIntegerTarget_ScoresAsTheInterpreter(string targets) =>
        DirectPaths.AssertScoresAsTheInterpreter(Sum("sum", "integer", targets), DirectPaths.ForestTexts, e => e.DirectTreeSum is not null);

    [Test]
    public void EveryRecord_OfAFloatSumFromABaseScore_ScoresAsTheInterpreter()
    {
        // XGBoost's: trees added in float32 from the base score, which the rescale constant carries.
        const string targets = """<Targets><Target field="t" rescaleConstant="0.3"/></Targets>""";
        DirectPaths.AssertScoresAsTheInterpreter(Sum("sum", "float", targets, mathContext: "float"), DirectPaths.ForestTexts, e => e.DirectTreeSum is not null);
    }

    [Test]
    public void ATreeSumWithAnOutput_KeepsTheGeneralPath()
    {
        var xml = Sum("sum").Replace("<Segmentation", """<Output><OutputField name="y" optype="continuous" dataType="double" feature="predictedValue"/></Output><Segmentation""");
        Assert.That(Pmml.Load(xml).DirectTreeSum, Is.Null);
    }

    [Test]
    public void TheConformanceRegressionForests_TakeTheDirectPath()
    {
        foreach (var name in new[] { "XGBoostAuto", "LightGBMAuto", "GradientBoostingAuto", "RandomForestAuto" })
        {
            var path = Path.Combine(TestPaths.Conformance, "sklearn-xgboost-lightgbm", "pmml", name + ".pmml");
            Assert.That(PmmlEngine.Evaluation.PmmlEvaluator.Load(path).DirectTreeSum, Is.InstanceOf<DirectTreeSum>(), name);
        }
    }
}
