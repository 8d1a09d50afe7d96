using PmmlEngine.Backends.Compiled;

namespace PmmlEngine.Tests.Backends;

/// <summary>
/// A document that is one forest averaging its trees' probabilities or counting their votes over its inputs is scored
/// by row scorers straight from the record's values when the MiningSchema keeps them as they are, its trees found by
/// the branch-free walk. Every record must score as the interpreter scores it: those the MiningSchema treats (missing
/// markers, invalid values, outliers, unlisted categories), those with a missing feature, and those reaching a leaf
/// that predicts nothing included.
/// </summary>
public sealed class DirectForestTests
{
    private static string Leaf(string[] categories, int[] counts, bool predicts = true)
    {
        if (!predicts)
            return "<Node><True/></Node>";
        var best = Array.IndexOf(counts, counts.Max());
        var distribution = string.Concat(categories.Select((c, i) => $"""<ScoreDistribution value="{c}" recordCount="{counts[i]}"/>"""));
        return $"""<Node score="{categories[best]}" recordCount="{counts.Sum()}"><True/>{distribution}</Node>""";
    }

    // Tree i splits a at 10 + 15i (the first at the clamp), then below it b, c or d, above it a again at 70 + 5i; the
    // last tree's leaf for a in (85, 95] predicts nothing. Leaf counts differ from tree to tree, so a share added to the wrong category or tree shows.
    private static string Tree(int i, string[] categories, bool lastTree)
    {
        int[] Counts(int k) => categories.Select((_, j) => 1 + (7 * i + 3 * k + 5 * j) % 9).ToArray();
        var (low, high) = (i % 3) switch
        {
            0 => ($"""<SimplePredicate field="b" operator="greaterThan" value="{i}"/>""", """<True/>"""),
            1 => ("""<SimpleSetPredicate field="c" booleanOperator="isIn"><Array type="string">u w</Array></SimpleSetPredicate>""", """<True/>"""),
            _ => ("""<SimpleSetPredicate field="d" booleanOperator="isNotIn"><Array type="string">y</Array></SimpleSetPredicate>""", """<True/>"""),
        };
        var inner = $"""
            <Node><SimplePredicate field="a" operator="lessOrEqual" value="{10 + 15 * i}"/>
              {Leaf(categories, Counts(0)).Replace("<True/>", low)}
              {Leaf(categories, Counts(1)).Replace("<True/>", high)}
            </Node>
            <Node><True/>
              <Node><SimplePredicate field="a" operator="greaterThan" value="{70 + 5 * i}"/>{Leaf(categories, Counts(2))}</Node>
              {Leaf(categories, Counts(3), predicts: !lastTree)}
            </Node>
            """;
        return $"""
            <TreeModel functionName="classification" missingValueStrategy="none">
              <MiningSchema><MiningField name="a"/><MiningField name="b"/><MiningField name="c"/><MiningField name="d"/></MiningSchema>
              <Node><True/>{inner}</Node>
            </TreeModel>
            """;
    }

    private static string Forest(string method, string targetType, string[] categories, string outputs, string targets = "", string treatment = "continue")
    {
        const int trees = 6;
        var segments = string.Concat(Enumerable.Range(0, trees).Select(i =>
            $"""<Segment id="{i + 1}" weight="{0.5 + i}"><True/>{Tree(i, categories, i == trees - 1)}</Segment>"""));
        var values = string.Concat(categories.Select(c => $"""<Value value="{c}"/>"""));
        return Pmml.Document(
            DirectPaths.Fields + $"""<DataField name="t" optype="categorical" dataType="{targetType}">{values}</DataField>""",
            $"""
            <MiningModel functionName="classification">
              {DirectPaths.Schema}
              <Output>{outputs}</Output>
              {targets}
              <Segmentation multipleModelMethod="{method}" missingPredictionTreatment="{treatment}">{segments}</Segmentation>
            </MiningModel>
            """);
    }

    private static readonly string[] Words = ["no", "yes", "maybe"];
    private static readonly string[] Codes = ["0", "1", "2"];

    private static string Probabilities(string[] categories) => string.Concat(categories.Reverse().Select(c =>
        $"""<OutputField name="p({c})" optype="continuous" dataType="double" feature="probability" value="{c}"/>"""));

    [TestCase("average", "continue")]
    [TestCase("weightedAverage", "continue")]
    [TestCase("majorityVote", "continue")]
    [TestCase("weightedMajorityVote", "continue")]
    [TestCase("average", "returnMissing")]
    [TestCase("weightedMajorityVote", "returnMissing")]
    public void EveryRecord_OfAForestGivingItsProbabilities_ScoresAsTheInterpreter(string method, string treatment) =>
        DirectPaths.AssertScoresAsTheInterpreter(Forest(method, "string", Words, Probabilities(Words), treatment: treatment), DirectPaths.ForestTexts, e => e.DirectForest is not null);

    [Test]
    public void EveryRecord_OfAForestWithIntegerCategoriesAndPriors_ScoresAsTheInterpreter()
    {
        const string priors = """
            <Targets><Target field="t"><TargetValue value="0" priorProbability="0.5"/><TargetValue value="1" priorProbability="0.3"/><TargetValue value="2" priorProbability="0.2"/></Target></Targets>
            """;
        DirectPaths.AssertScoresAsTheInterpreter(Forest("average", "integer", Codes, Probabilities(Codes), priors), DirectPaths.ForestTexts, e => e.DirectForest is not null);
    }

    [Test]
    public void AForestWithAnOutputBesidesItsProbabilities_KeepsTheGeneralPath()
    {
        const string outputs = """<OutputField name="class" optype="categorical" dataType="string" feature="predictedValue"/>""";
        Assert.That(Pmml.Load(Forest("average", "string", Words, Probabilities(Words) + outputs)).DirectForest, Is.Null);
    }

    [Test]
    public void TheConformanceRandomForests_TakeTheDirectPath()
    {
        foreach (var name in new[] { "RandomForestAudit", "RandomForestIris" })
        {
            var path = Path.Combine(TestPaths.Conformance, "sklearn-xgboost-lightgbm", "pmml", name + ".pmml");
            Assert.That(PmmlEngine.Evaluation.PmmlEvaluator.Load(path).DirectForest, Is.InstanceOf<DirectForest>(), name);
        }
    }
}
