using System.Text;
using PmmlEngine.Errors;
using PmmlEngine.Evaluation;
using PmmlEngine.Model;
using PmmlEngine.Xml;

namespace PmmlEngine.Tests.Xml;

/// <summary>Segments parsed on a second thread while the XML is read must give what a parse in one pass gives: the same
/// models, and the same problems in the same order with the same locations.</summary>
public sealed class SegmentPreparserTests
{
    private const string Fields = """
        <DataField name="x" optype="continuous" dataType="double"/>
        <DataField name="c" optype="categorical" dataType="string"><Value value="p"/><Value value="q"/></DataField>
        <DataField name="t" optype="continuous" dataType="double"/>
        """;

    /// <summary>A stump on x, or, where <paramref name="fault"/> says, one with a problem in it.</summary>
    private static string Tree(int i, string? fault = null) => $"""
        <Segment id="s{i}"{(fault == "weight" ? " weight=\"heavy\"" : "")}><True/>
          <TreeModel functionName="regression"{(fault == "function" ? " missingValueStrategy=\"guess\"" : "")}>
            <MiningSchema><MiningField name="x"/><MiningField name="c"/></MiningSchema>
            <Node score="0"><True/>
              <Node score="{i}"><SimplePredicate {(fault == "field" ? "" : "field=\"x\" ")}operator="{(fault == "operator" ? "around" : "lessThan")}" value="{i}"/></Node>
              <Node score="{-i}"{(fault == "count" ? " recordCount=\"many\"" : "")}><SimplePredicate field="c" operator="equal" value="p"/></Node>
            </Node>
          </TreeModel>
        </Segment>
        """;

    /// <summary>A model chain whose first segment sums <paramref name="trees"/> stumps and whose second scales the sum.</summary>
    private static string Forest(int trees, Func<int, string?>? fault = null, string tail = "") => Pmml.Document(Fields, $"""
        <MiningModel functionName="regression">
          <MiningSchema><MiningField name="t" usageType="target"/><MiningField name="x"/><MiningField name="c"/></MiningSchema>
          <Segmentation multipleModelMethod="modelChain">
            <Segment id="forest"><True/>
              <MiningModel functionName="regression">
                <MiningSchema><MiningField name="x"/><MiningField name="c"/></MiningSchema>
                <Output><OutputField name="sum" optype="continuous" dataType="double" feature="predictedValue"/></Output>
                <Segmentation multipleModelMethod="sum">
                  {string.Concat(Enumerable.Range(1, trees).Select(i => Tree(i, fault?.Invoke(i))))}
                </Segmentation>
              </MiningModel>
            </Segment>
            <Segment id="scale"><True/>
              <RegressionModel functionName="regression">
                <MiningSchema><MiningField name="sum"/></MiningSchema>
                <RegressionTable intercept="0.5"><NumericPredictor name="sum" coefficient="2"/></RegressionTable>
              </RegressionModel>
            </Segment>
          </Segmentation>
        </MiningModel>{tail}
        """);

    private static PmmlDocument Parse(string xml, SegmentPreparser? ahead) =>
        DocumentParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)), null, ahead);

    private static string[] Problems(string xml, SegmentPreparser? ahead) =>
        Assert.Throws<PmmlMarkupException>(() => Parse(xml, ahead))!.Problems.Select(p => p.ToString()).ToArray();

    [Test]
    public void ProblemsInSegments_AreReportedAsInOnePass()
    {
        string? Fault(int i) => i switch { 3 => "operator", 4 => "count", 9 => "field", 10 => "weight", 15 => "count", 16 => "function", _ => null };
        var xml = Forest(20, Fault);
        var ahead = new SegmentPreparser();
        var problems = Problems(xml, ahead);
        Assert.That(ahead.Started, Is.True, "the second thread took part");
        Assert.That(problems, Is.EqualTo(Problems(xml, null)));
        Assert.That(problems, Has.Length.EqualTo(6), string.Join("\n", problems));
        Assert.That(problems[0], Does.Contain("Segment[3]").And.Contain("around"));
        // Segment[10]'s weight is read by the parse in turn, between the problems of segments parsed ahead.
        Assert.That(problems[3], Does.Contain("Segment[10]@weight"));
        Assert.That(problems[^1], Does.Contain("Segment[16]").And.Contain("guess"));
    }

    [Test]
    public void MalformedXmlAfterManySegments_IsReportedAsInOnePass()
    {
        var xml = Forest(12).Replace("<Segment id=\"scale\">", "<Segment id=\"scale\"><Oops>", StringComparison.Ordinal);
        var ahead = new SegmentPreparser();
        var problems = Problems(xml, ahead);
        Assert.That(ahead.Started, Is.True);
        Assert.That(problems, Is.EqualTo(Problems(xml, null)));
        Assert.That(problems.Single(), Does.Contain("Oops"));
    }

    [Test]
    public void FewSegments_AreParsedInTurn()
    {
        var ahead = new SegmentPreparser();
        Assert.That(Parse(Forest(3), ahead).Model, Is.InstanceOf<MiningModel>());
        Assert.That(ahead.Started, Is.False);
    }

    [TestCase(Backend.Interpreter)]
    [TestCase(Backend.Compiled)]
    public void ForestParsedAhead_ScoresAsParsedInOnePass(Backend backend)
    {
        var xml = Forest(30);
        var ahead = new SegmentPreparser();
        var options = new EvaluatorOptions { Backend = backend };
        var parallel = PmmlEvaluator.Load(() => Parse(xml, ahead), options);
        var serial = PmmlEvaluator.Load(() => Parse(xml, null), options);
        Assert.That(ahead.Started, Is.True);
        foreach (var (x, c) in new (object?, object?)[] { (0.5, "p"), (12.0, "q"), (29.5, null), (null, "p"), (-3.0, "q") })
        {
            var row = Pmml.Row(("x", x), ("c", c));
            Assert.That(parallel.Evaluate(row), Is.EqualTo(serial.Evaluate(row)), $"x={x}, c={c}");
        }
    }
}
