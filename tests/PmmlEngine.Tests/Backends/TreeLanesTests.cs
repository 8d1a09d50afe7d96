using PmmlEngine.Errors;

namespace PmmlEngine.Tests.Backends;

/// <summary>
/// The compiled backend walks an ensemble's trees four at a time before combining them. An error in reading a field must
/// still surface only where the interpreter, taking the trees one by one, raises it: not at all when an earlier tree
/// ends the record (missingPredictionTreatment="returnMissing"), and naming the field otherwise.
/// </summary>
public sealed class TreeLanesTests
{
    // Tree 1 predicts only when y < 0; trees 2 to 6 test d = sqrt(x), which rejects a negative x when it is read.
    private static string Ensemble(string function, string method)
    {
        var (score, other) = function == "regression" ? ("2", "1") : ("b", "a");
        var trees = string.Concat(Enumerable.Range(2, 5).Select(i => $"""
            <Segment id="{i}"><True/>
              <TreeModel functionName="{function}">
                <MiningSchema><MiningField name="x"/></MiningSchema>
                <Node score="{score}"><True/>
                  <Node score="{score}"><SimplePredicate field="d" operator="lessThan" value="{i}"/></Node>
                  <Node score="{other}"><SimplePredicate field="d" operator="greaterOrEqual" value="{i}"/></Node>
                </Node>
              </TreeModel>
            </Segment>
            """));
        return Pmml.Document(
            $"""
            <DataField name="x" optype="continuous" dataType="double"/>
            <DataField name="y" optype="continuous" dataType="double"/>
            {Pmml.Target(function)}
            """,
            $"""
            <TransformationDictionary>
              <DerivedField name="d" optype="continuous" dataType="double">
                <Apply function="sqrt" invalidValueTreatment="returnInvalid"><FieldRef field="x"/></Apply>
              </DerivedField>
            </TransformationDictionary>
            <MiningModel functionName="{function}">
              <MiningSchema>
                <MiningField name="t" usageType="target"/>
                <MiningField name="x"/>
                <MiningField name="y"/>
              </MiningSchema>
              <Segmentation multipleModelMethod="{method}" missingPredictionTreatment="returnMissing">
                <Segment id="1"><True/>
                  <TreeModel functionName="{function}" noTrueChildStrategy="returnNullPrediction">
                    <MiningSchema><MiningField name="y"/></MiningSchema>
                    <Node><True/><Node score="{score}"><SimplePredicate field="y" operator="lessThan" value="0"/></Node></Node>
                  </TreeModel>
                </Segment>
                {trees}
              </Segmentation>
            </MiningModel>
            """);
    }

    private static IEnumerable<TestCaseData> Ensembles() =>
    [
        new TestCaseData("regression", "sum").SetName("TreeSum"),
        new TestCaseData("regression", "average").SetName("TreeAverage"),
        new TestCaseData("classification", "majorityVote").SetName("TreeVote"),
        new TestCaseData("classification", "average").SetName("ProbabilityAverage"),
    ];

    [TestCaseSource(nameof(Ensembles))]
    public void AnEarlierTreeWithoutPrediction_EndsTheRecordBeforeTheFailingField(string function, string method)
    {
        foreach (var evaluator in Pmml.LoadBoth(Ensemble(function, method)))
        {
            var result = evaluator.Evaluate(Pmml.Row(("x", -1.0), ("y", 1.0)));
            Assert.That(result["t"], Is.Null, evaluator.Backend.ToString());
        }
    }

    [TestCaseSource(nameof(Ensembles))]
    public void TheFailingField_IsReportedWhenTheTreesReachIt(string function, string method)
    {
        var messages = Pmml.LoadBoth(Ensemble(function, method))
            .Select(e => Assert.Throws<PmmlEvaluationException>(() => e.Evaluate(Pmml.Row(("x", -1.0), ("y", -1.0))))!.Message)
            .ToArray();
        Assert.That(messages[1], Is.EqualTo(messages[0]));
        Assert.That(messages[0], Does.Contain("sqrt"));
    }

    [TestCaseSource(nameof(Ensembles))]
    public void WithTheFieldPresent_BothBackendsAgree(string function, string method)
    {
        var results = Pmml.LoadBoth(Ensemble(function, method))
            .Select(e => string.Join(";", e.Evaluate(Pmml.Row(("x", 3.5), ("y", -1.0))).Select(p => $"{p.Key}={p.Value}")))
            .ToArray();
        Assert.That(results[1], Is.EqualTo(results[0]));
        Assert.That(results[0], Does.StartWith("t="));
    }
}
