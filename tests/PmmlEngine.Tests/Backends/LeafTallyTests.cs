namespace PmmlEngine.Tests.Backends;

/// <summary>
/// A classifying forest that averages or votes adds each leaf's share, kept from its first use, in the compiled
/// backend. Segment weights that differ make every method's figures distinct, so a share added with the wrong weight
/// shows; the expected probabilities are worked out by hand from the PMML definitions.
/// </summary>
public sealed class LeafTallyTests
{
    private static readonly double[] Weights = [0.5, 1.5, 3];

    // Tree i predicts "a" (a 0.75, b 0.25) when x < i + 1, else "b" (b 0.5, c 0.5).
    private static string Forest(string method)
    {
        var trees = string.Concat(Weights.Select((w, i) => $"""
            <Segment id="{i + 1}" weight="{w}"><True/>
              <TreeModel functionName="classification">
                <MiningSchema><MiningField name="x"/></MiningSchema>
                <Node><True/>
                  <Node score="a" recordCount="4"><SimplePredicate field="x" operator="lessThan" value="{i + 1}"/>
                    <ScoreDistribution value="a" recordCount="3"/><ScoreDistribution value="b" recordCount="1"/>
                  </Node>
                  <Node score="b" recordCount="4"><True/>
                    <ScoreDistribution value="b" recordCount="2"/><ScoreDistribution value="c" recordCount="2"/>
                  </Node>
                </Node>
              </TreeModel>
            </Segment>
            """));
        return Pmml.Document(
            """
            <DataField name="x" optype="continuous" dataType="double"/>
            <DataField name="t" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/><Value value="c"/></DataField>
            """,
            $"""
            <MiningModel functionName="classification">
              <MiningSchema><MiningField name="t" usageType="target"/><MiningField name="x"/></MiningSchema>
              <Output>
                <OutputField name="pa" feature="probability" value="a"/>
                <OutputField name="pb" feature="probability" value="b"/>
                <OutputField name="pc" feature="probability" value="c"/>
              </Output>
              <Segmentation multipleModelMethod="{method}">{trees}</Segmentation>
            </MiningModel>
            """);
    }

    // At x = 1.5 the first tree predicts "b" and the other two "a".
    [TestCase("majorityVote", 2 / 3.0, 1 / 3.0, 0.0)]
    [TestCase("weightedMajorityVote", 4.5 / 5, 0.5 / 5, 0.0)]
    [TestCase("average", 1.5 / 3, 1.0 / 3, 0.5 / 3)]
    [TestCase("weightedAverage", 4.5 * 0.75 / 5, (0.5 * 0.5 + 4.5 * 0.25) / 5, 0.5 * 0.5 / 5)]
    public void EachLeafAddsItsShareWithItsTreesWeight(string method, double a, double b, double c)
    {
        foreach (var evaluator in Pmml.LoadBoth(Forest(method)))
        {
            // Twice: both records add the shares kept at load.
            for (var pass = 0; pass < 2; pass++)
            {
                var result = evaluator.Evaluate(Pmml.Row(("x", 1.5)));
                Assert.That(new[] { result["pa"], result["pb"], result["pc"] }, Is.EqualTo(new object[] { a, b, c }).Within(1e-15),
                    $"{evaluator.Backend}, record {pass + 1}");
            }
        }
    }
}
