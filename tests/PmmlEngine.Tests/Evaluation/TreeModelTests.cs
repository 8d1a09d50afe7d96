using PmmlEngine.Evaluation;
namespace PmmlEngine.Tests.Evaluation;

/// <summary>The six missingValueStrategy values and both noTrueChildStrategy values, with hand-computed results.</summary>
public sealed class TreeModelTests
{
    private static string Tree(string attributes) => Pmml.Document(
        """
        <DataField name="x" optype="continuous" dataType="double"/>
        <DataField name="y" optype="continuous" dataType="double"/>
        <DataField name="c" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/></DataField>
        """,
        $"""
        <TreeModel functionName="classification" {attributes}>
          <MiningSchema><MiningField name="c" usageType="target"/><MiningField name="x"/><MiningField name="y"/></MiningSchema>
          <Output><OutputField name="pa" feature="probability" value="a"/><OutputField name="conf" feature="confidence"/><OutputField name="id" feature="entityId"/></Output>
          <Node id="root" score="a" recordCount="10" defaultChild="R">
            <True/>
            <ScoreDistribution value="a" recordCount="6"/><ScoreDistribution value="b" recordCount="4"/>
            <Node id="L" score="a" recordCount="4">
              <SimplePredicate field="x" operator="lessThan" value="0"/>
              <ScoreDistribution value="a" recordCount="4"/><ScoreDistribution value="b" recordCount="0"/>
            </Node>
            <Node id="R" score="b" recordCount="6" defaultChild="R2">
              <SimplePredicate field="x" operator="greaterOrEqual" value="0"/>
              <ScoreDistribution value="a" recordCount="2"/><ScoreDistribution value="b" recordCount="4"/>
              <Node id="R1" score="a" recordCount="2">
                <SimplePredicate field="y" operator="lessThan" value="0"/>
                <ScoreDistribution value="a" recordCount="2"/><ScoreDistribution value="b" recordCount="0"/>
              </Node>
              <Node id="R2" score="b" recordCount="4">
                <SimplePredicate field="y" operator="greaterThan" value="10"/>
                <ScoreDistribution value="a" recordCount="0"/><ScoreDistribution value="b" recordCount="4"/>
              </Node>
            </Node>
          </Node>
        </TreeModel>
        """);

    [TestCase("none", null, null, null)]
    [TestCase("lastPrediction", "a", 0.6, "root")]
    [TestCase("nullPrediction", null, null, null)]
    [TestCase("defaultChild", "b", 0.0, "R2")]
    public void Evaluate_MissingX_FollowsStrategy(string strategy, string? expected, double? pa, string? node)
    {
        // With x missing, "none" finds no true child and returnNullPrediction (the default) gives no prediction.
        var result = Pmml.Load(Tree($"missingValueStrategy=\"{strategy}\"")).Evaluate(Pmml.Row(("x", null), ("y", 20.0)));
        Assert.That(result["c"], Is.EqualTo(expected));
        Assert.That(result["pa"], Is.EqualTo(pa));
        Assert.That(result["id"], Is.EqualTo(node));
    }

    [Test]
    public void Evaluate_DefaultChildTwice_PenaltyAppliedPerMissingStep()
    {
        var result = Pmml.Load(Tree("missingValueStrategy=\"defaultChild\" missingValuePenalty=\"0.5\"")).Evaluate(Pmml.Row(("x", null), ("y", null)));
        Assert.That(result["id"], Is.EqualTo("R2"));
        Assert.That(result["conf"], Is.EqualTo(1.0 * 0.5 * 0.5));
    }

    [Test]
    public void Evaluate_WeightedConfidence_CombinesBranchesByRecordShare()
    {
        // x missing: L (4 records) and R (6); in R, y = 5 is neither < 0 nor > 10, so R itself is the leaf with
        // returnLastPrediction. P(a) = 0.4 * 1 + 0.6 * 2/6 = 0.6.
        var result = Pmml.Load(Tree("missingValueStrategy=\"weightedConfidence\" noTrueChildStrategy=\"returnLastPrediction\""))
            .Evaluate(Pmml.Row(("x", null), ("y", 5.0)));
        Assert.That((double)result["pa"]!, Is.EqualTo(0.6).Within(1e-15));
        Assert.That(result["c"], Is.EqualTo("a"));
    }

    [Test]
    public void Evaluate_AggregateNodes_SumsLeafRecordCounts()
    {
        // x missing: leaves L (a:4) and R1 (a:2) when y < 0, so everything reached says a.
        var result = Pmml.Load(Tree("missingValueStrategy=\"aggregateNodes\"")).Evaluate(Pmml.Row(("x", null), ("y", -1.0)));
        Assert.That(result["pa"], Is.EqualTo(1.0));
    }

    [TestCase("returnNullPrediction", null)]
    [TestCase("returnLastPrediction", "b")]
    public void Evaluate_NoTrueChild_FollowsStrategy(string strategy, string? expected)
    {
        var result = Pmml.Load(Tree($"noTrueChildStrategy=\"{strategy}\"")).Evaluate(Pmml.Row(("x", 1.0), ("y", 5.0)));
        Assert.That(result["c"], Is.EqualTo(expected));
    }

    [Test]
    public void AggregatingStrategy_IsLeftToTheInterpreter_WithItsReason()
    {
        var evaluator = Pmml.Load(Tree("missingValueStrategy=\"aggregateNodes\""));
        Assert.That(evaluator.Backend, Is.EqualTo(Backend.Compiled));
        Assert.That(evaluator.CompilationFallbacks, Has.Count.EqualTo(1));
        Assert.That(evaluator.CompilationFallbacks[0], Does.Contain("TreeModel at line").And.Contain("AggregateNodes follows several branches"));
    }
}
