namespace PmmlEngine.Tests.Evaluation;

/// <summary>OutputFields with a segmentId report that segment's own result: worked out by hand from the trees below.</summary>
[TestFixture]
public sealed class SegmentOutputTests
{
    private static string Tree(string split, string above, string below) => $"""
        <TreeModel functionName="regression"><MiningSchema><MiningField name="x"/></MiningSchema>
          <Node><True/><Node score="{above}"><SimplePredicate field="x" operator="greaterThan" value="{split}"/></Node><Node score="{below}"><True/></Node></Node>
        </TreeModel>
        """;

    [TestCase(3.0, 21.0, 1.0, 20.0)]
    [TestCase(7.0, 11.0, 1.0, 10.0)]
    [TestCase(12.0, 1.0, 1.0, null)]       // the second segment's predicate is false: it is not scored
    public void ReportsEachSegment(double x, double total, double first, double? second)
    {
        var document = Pmml.Document("""
            <DataField name="x" optype="continuous" dataType="double"/><DataField name="y" optype="continuous" dataType="double"/>
            """, $"""
            <MiningModel functionName="regression">
              <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
              <Output>
                <OutputField name="first" feature="predictedValue" segmentId="a" dataType="double"/>
                <OutputField name="second" feature="predictedValue" segmentId="b" dataType="double"/>
              </Output>
              <Segmentation multipleModelMethod="sum">
                <Segment id="a"><True/>{Tree("0", "1", "2")}</Segment>
                <Segment id="b"><SimplePredicate field="x" operator="lessThan" value="10"/>{Tree("5", "10", "20")}</Segment>
              </Segmentation>
            </MiningModel>
            """);
        foreach (var evaluator in Pmml.LoadBoth(document))
        {
            var result = evaluator.Evaluate(Pmml.Row(("x", x)));
            Assert.That((result["y"], result["first"], result["second"]), Is.EqualTo((total, first, second)));
        }
    }

    [Test]
    public void AnUnknownSegmentIsAMarkupError()
    {
        var document = Pmml.Document("""<DataField name="x" optype="continuous" dataType="double"/>""", $"""
            <MiningModel functionName="regression">
              <MiningSchema><MiningField name="x"/></MiningSchema>
              <Output><OutputField name="first" feature="predictedValue" segmentId="zz"/></Output>
              <Segmentation multipleModelMethod="sum"><Segment id="a"><True/>{Tree("0", "1", "2")}</Segment></Segmentation>
            </MiningModel>
            """);
        var error = Assert.Throws<Errors.PmmlMarkupException>(() => Pmml.Load(document));
        Assert.That(error!.Message, Does.Contain("zz"));
    }

    [TestCase(1.0, 6.0, null)]
    [TestCase(null, 1.0, "1 of 2 segments gave no prediction and were left out")]
    public void ASegmentLeftOutIsAWarning(double? z, double total, string? warning)
    {
        var document = Pmml.Document("""
            <DataField name="x" optype="continuous" dataType="double"/><DataField name="z" optype="continuous" dataType="double"/>
            <DataField name="y" optype="continuous" dataType="double"/>
            """, $"""
            <MiningModel functionName="regression">
              <MiningSchema><MiningField name="x"/><MiningField name="z"/><MiningField name="y" usageType="target"/></MiningSchema>
              <Output><OutputField name="w" feature="warning"/></Output>
              <Segmentation multipleModelMethod="sum" missingPredictionTreatment="continue" missingThreshold="0.6">
                <Segment id="a"><True/>{Tree("0", "1", "2")}</Segment>
                <Segment id="b"><True/>
                  <TreeModel functionName="regression" noTrueChildStrategy="returnNullPrediction"><MiningSchema><MiningField name="z"/></MiningSchema>
                    <Node><True/><Node score="5"><SimplePredicate field="z" operator="greaterThan" value="0"/></Node></Node>
                  </TreeModel>
                </Segment>
              </Segmentation>
            </MiningModel>
            """);
        foreach (var evaluator in Pmml.LoadBoth(document))
        {
            var result = evaluator.Evaluate(Pmml.Row(("x", 3.0), ("z", z)));
            Assert.That((result["y"], result["w"]), Is.EqualTo((total, warning)));
        }
    }
}
