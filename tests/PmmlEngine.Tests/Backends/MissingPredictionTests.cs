namespace PmmlEngine.Tests.Backends;

/// <summary>
/// Ensembles of trees that walk together (tree sums, averaged or voting forests) in which some trees predict nothing:
/// the compiled backend's fast combinations must step aside and leave the missing prediction treatment and threshold
/// to the same rules as the interpreter. Tree i (1 to 5) predicts only while x &lt; i, so at x = k + 0.5 the first k
/// trees are missing; five trees make one group of four walked together and one walked alone.
/// </summary>
public sealed class MissingPredictionTests
{
    private static string Ensemble(string function, string method, string treatment, double threshold)
    {
        var trees = string.Concat(Enumerable.Range(1, 5).Select(i => $"""
            <Segment id="{i}" weight="{i * 0.25}"><True/>
              <TreeModel functionName="{function}" noTrueChildStrategy="returnNullPrediction">
                <MiningSchema><MiningField name="x"/></MiningSchema>
                <Node><True/>
                  <Node score="{(function == "regression" ? i.ToString() : i % 2 == 0 ? "a" : "b")}" recordCount="{i + 1}">
                    <SimplePredicate field="x" operator="lessThan" value="{i}"/>
                    {(function == "regression" ? "" : $"""<ScoreDistribution value="a" recordCount="{i}"/><ScoreDistribution value="b" recordCount="1"/>""")}
                  </Node>
                </Node>
              </TreeModel>
            </Segment>
            """));
        return Pmml.Document(
            $"""
            <DataField name="x" optype="continuous" dataType="double"/>
            {Pmml.Target(function)}
            """,
            $"""
            <MiningModel functionName="{function}">
              <MiningSchema><MiningField name="t" usageType="target"/><MiningField name="x"/></MiningSchema>
              {(function == "regression" ? "" : """<Output><OutputField name="pa" feature="probability" value="a"/></Output>""")}
              <Segmentation multipleModelMethod="{method}" missingPredictionTreatment="{treatment}" missingThreshold="{threshold}">{trees}</Segmentation>
            </MiningModel>
            """);
    }

    private static IEnumerable<TestCaseData> Cases() =>
        from combination in new[]
        {
            ("regression", "sum"), ("regression", "average"), ("regression", "weightedSum"), ("regression", "weightedAverage"),
            ("classification", "majorityVote"), ("classification", "weightedMajorityVote"), ("classification", "average"),
            ("classification", "weightedAverage"),
        }
        from treatment in new[] { "returnMissing", "skipSegment", "continue" }
        from threshold in new[] { 1.0, 0.5 }
        select new TestCaseData(combination.Item1, combination.Item2, treatment, threshold);

    [TestCaseSource(nameof(Cases))]
    public void BothBackendsAgree_AsTreesStopPredicting(string function, string method, string treatment, double threshold)
    {
        var evaluators = Pmml.LoadBoth(Ensemble(function, method, treatment, threshold)).ToArray();
        for (var x = 0.5; x < 6; x++)
        {
            var results = evaluators
                .Select(e => string.Join(";", e.Evaluate(Pmml.Row(("x", x))).Select(p => $"{p.Key}={p.Value}")))
                .ToArray();
            Assert.That(results[1], Is.EqualTo(results[0]), $"x = {x}");
        }
    }

    // Worked by hand: at x = 2.5 trees 3, 4 and 5 predict 3, 4 and 5 (weights 0.75, 1, 1.25); two of five are missing.
    [TestCase("sum", "continue", 1.0, 12.0)]
    [TestCase("average", "skipSegment", 1.0, 4.0)]
    [TestCase("weightedSum", "continue", 1.0, 0.75 * 3 + 4 + 1.25 * 5)]
    [TestCase("weightedAverage", "continue", 1.0, (0.75 * 3 + 4 + 1.25 * 5) / 3)]
    [TestCase("sum", "returnMissing", 1.0, null)]
    [TestCase("sum", "continue", 0.3, null)]
    public void TreeSums_CombineThePresentPredictions(string method, string treatment, double threshold, double? expected)
    {
        foreach (var evaluator in Pmml.LoadBoth(Ensemble("regression", method, treatment, threshold)))
            Assert.That(evaluator.Evaluate(Pmml.Row(("x", 2.5)))["t"], expected is null ? Is.Null : (NUnit.Framework.Constraints.Constraint)Is.EqualTo(expected.Value).Within(1e-15),
                evaluator.Backend.ToString());
    }

    // At x = 3.5 trees 4 and 5 predict (weights 1 and 1.25): tree 4 votes a, P(a) = 4/5; tree 5 votes b, P(a) = 5/6.
    [TestCase("majorityVote", 0.5)]
    [TestCase("weightedMajorityVote", 1 / 2.25)]
    [TestCase("average", (0.8 + 5 / 6.0) / 2)]
    [TestCase("weightedAverage", (0.8 + 1.25 * 5 / 6.0) / 2.25)]
    public void Forests_TallyThePresentLeaves(string method, double probabilityOfA)
    {
        foreach (var evaluator in Pmml.LoadBoth(Ensemble("classification", method, "continue", 1.0)))
            Assert.That(evaluator.Evaluate(Pmml.Row(("x", 3.5)))["pa"], Is.EqualTo(probabilityOfA).Within(1e-15), evaluator.Backend.ToString());
    }
}
