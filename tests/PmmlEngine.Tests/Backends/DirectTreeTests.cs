using PmmlEngine.Backends.Compiled;
using PmmlEngine.Errors;
using PmmlEngine.Evaluation;
using PmmlEngine.Types;

namespace PmmlEngine.Tests.Backends;

/// <summary>
/// A document that is one tree over its inputs is scored by row scorers straight from them when the MiningSchema keeps
/// them as they are, with each leaf's results worked out at load. Every record must score as the interpreter scores it,
/// those the MiningSchema treats (missing markers, invalid values, outliers, unlisted categories) included.
/// </summary>
public sealed class DirectTreeTests
{
    // x: an interval whose invalid values become 5; y: outliers clamped to [0, 100]; z: an integer with a missing marker
    // replaced by 5; w: any number. The tree reads x through a float cast chain and tests beyond y's and x's bounds, so a
    // value treated by the MiningSchema ends in another leaf than the value itself would.
    private static string Tree(string outputs) => Pmml.Document(
        """
        <DataField name="x" optype="continuous" dataType="double"><Interval closure="closedOpen" leftMargin="0" rightMargin="10"/></DataField>
        <DataField name="y" optype="continuous" dataType="float"/>
        <DataField name="z" optype="continuous" dataType="integer"><Value value="-1" property="missing"/></DataField>
        <DataField name="w" optype="continuous" dataType="double"/>
        <DataField name="t" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/><Value value="c"/></DataField>
        """,
        $"""
        <TreeModel functionName="classification" missingValueStrategy="defaultChild">
          <MiningSchema>
            <MiningField name="t" usageType="target"/>
            <MiningField name="x" invalidValueTreatment="asValue" invalidValueReplacement="5"/>
            <MiningField name="y" outliers="asExtremeValues" lowValue="0" highValue="100"/>
            <MiningField name="z" missingValueReplacement="5"/>
            <MiningField name="w"/>
          </MiningSchema>
          <Output>{outputs}</Output>
          <LocalTransformations>
            <DerivedField name="float(x)" optype="continuous" dataType="float"><FieldRef field="x"/></DerivedField>
            <DerivedField name="double(float(x))" optype="continuous" dataType="double"><FieldRef field="float(x)"/></DerivedField>
          </LocalTransformations>
          <Node id="root" score="a" recordCount="10">
            <True/>
            <ScoreDistribution value="a" recordCount="5"/><ScoreDistribution value="b" recordCount="3"/><ScoreDistribution value="c" recordCount="2"/>
            <Node id="low-x" score="b" recordCount="4" defaultChild="low-y">
              <SimplePredicate field="double(float(x))" operator="lessOrEqual" value="0.1"/>
              <ScoreDistribution value="a" recordCount="1"/><ScoreDistribution value="b" recordCount="3"/><ScoreDistribution value="c" recordCount="0"/>
              <Node id="low-y" score="c" recordCount="2"><SimplePredicate field="y" operator="lessThan" value="-5"/></Node>
              <Node id="high-y" score="b" recordCount="2"><SimplePredicate field="y" operator="greaterThan" value="99.5"/></Node>
            </Node>
            <Node id="mid-x" score="a" recordCount="4">
              <SimplePredicate field="x" operator="lessThan" value="11"/>
              <ScoreDistribution value="a" recordCount="3"/><ScoreDistribution value="b" recordCount="0"/><ScoreDistribution value="c" recordCount="1"/>
              <Node id="z-five" score="c" recordCount="1"><SimplePredicate field="z" operator="equal" value="5"/></Node>
              <Node id="w-small" score="b" recordCount="2"><SimplePredicate field="w" operator="lessThan" value="-1e300"/></Node>
            </Node>
          </Node>
        </TreeModel>
        """);

    private const string LeafOutputs = """
        <OutputField name="p(a)" optype="continuous" dataType="double" feature="probability" value="a"/>
        <OutputField name="p(c)" optype="continuous" dataType="double" feature="probability" value="c"/>
        <OutputField name="class" optype="categorical" dataType="string" feature="predictedValue"/>
        <OutputField name="confidence" optype="continuous" dataType="double" feature="confidence"/>
        <OutputField name="node" optype="categorical" dataType="string" feature="entityId"/>
        """;

    private static readonly string[] Texts =
    [
        "", "NA", "abc", "NaN", "-1", "0", "-0", "0.1", "0.1000000001", "0.09999999", "5", "9.999", "10", "10.5", "11", "-5",
        "-5.0001", "-4.9", "99.5", "99.6", "100", "150", "-1e301", "1e301", "2", "3.7", "Infinity", "-Infinity", "1e-320",
    ];

    [Test]
    public void ATreeOverNumbers_TakesTheDirectPath()
    {
        Assert.That(Pmml.Load(Tree(LeafOutputs)).DirectTree, Is.Not.Null);
    }

    [Test]
    public void ATreeWithMoreLeafResultsThanTheBudget_KeepsTheGeneralPath()
    {
        var plan = Pmml.Load(Tree(LeafOutputs)).Plan;
        var compiled = CompiledDocument.Compile(plan);
        var leaves = compiled.Top is CompiledTree tree ? tree.Tree.Outcomes.Length : 0;
        var results = 1 + plan.Outputs.Length;
        Value[] Missing(CompiledTree _, int leaf) => new Value[results];
        Assert.That(DirectTree.TryCreate(compiled, results, Missing, maxLeafResults: leaves * results), Is.Not.Null);
        Assert.That(DirectTree.TryCreate(compiled, results, Missing, maxLeafResults: leaves * results - 1), Is.Null);
    }

    [Test]
    public void AnOutputThatReadsTheRecord_KeepsTheGeneralPath()
    {
        var outputs = LeafOutputs + """<OutputField name="x again" optype="continuous" dataType="double" feature="transformedValue"><FieldRef field="x"/></OutputField>""";
        Assert.That(Pmml.Load(Tree(outputs)).DirectTree, Is.Null);
    }

    [Test]
    public void EveryRecord_ScoresAsTheInterpreter([Values(LeafOutputs, "")] string outputs) =>
        DirectPaths.AssertScoresAsTheInterpreter(Tree(outputs), [Texts], e => e.DirectTree is not null);

    // s: categories with a missing marker, unlisted ones invalid and then missing; r: any text. The tree tests both by
    // equality and by set, and n by number.
    private static string CategoricalTree => Pmml.Document(
        """
        <DataField name="s" optype="categorical" dataType="string"><Value value="u"/><Value value="v"/><Value value="w"/><Value value="?" property="missing"/></DataField>
        <DataField name="r" optype="categorical" dataType="string"/>
        <DataField name="n" optype="continuous" dataType="double"/>
        <DataField name="t" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/></DataField>
        """,
        $"""
        <TreeModel functionName="classification" missingValueStrategy="lastPrediction">
          <MiningSchema>
            <MiningField name="t" usageType="target"/>
            <MiningField name="s" invalidValueTreatment="asMissing"/>
            <MiningField name="r"/>
            <MiningField name="n"/>
          </MiningSchema>
          <Output>{LeafOutputs.Replace("value=\"c\"", "value=\"b\"")}</Output>
          <Node id="root" score="a"><True/>
            <Node id="u" score="b"><SimplePredicate field="s" operator="equal" value="u"/>
              <Node id="u-k" score="a"><SimplePredicate field="r" operator="equal" value="k"/></Node>
            </Node>
            <Node id="vw" score="a"><SimpleSetPredicate field="s" booleanOperator="isIn"><Array type="string">v w</Array></SimpleSetPredicate>
              <Node id="vw-n" score="b"><SimplePredicate field="n" operator="lessOrEqual" value="3"/></Node>
              <Node id="vw-not-k" score="b"><SimplePredicate field="r" operator="notEqual" value="k"/></Node>
            </Node>
          </Node>
        </TreeModel>
        """);

    [Test]
    public void EveryRecord_OfATreeOverCategories_ScoresAsTheInterpreter() =>
        DirectPaths.AssertScoresAsTheInterpreter(CategoricalTree, [["", "?", "u", "v", "w", "x", "k", "U", " u", "1", "3", "2.5", "-7", "abc"]],
            e => e.DirectTree is not null);

    // A derived feature the direct path does not read (text cast to a number, arithmetic): the tree keeps the general
    // path, and a record given as text scores 1 there.
    [TestCase("""<DataField name="x" optype="categorical" dataType="string"/>""", "<FieldRef field=\"x\"/>", "0.5")]
    [TestCase("""<DataField name="x" optype="continuous" dataType="double"/>""", "<Apply function=\"*\"><FieldRef field=\"x\"/><Constant>2</Constant></Apply>", "0.4")]
    public void AFeatureThatIsNoCastOfANumber_KeepsTheGeneralPath(string field, string derived, string text)
    {
        var evaluator = Pmml.Load(Pmml.Document(
            field + """<DataField name="t" optype="continuous" dataType="double"/>""",
            $"""
            <TreeModel functionName="regression">
              <MiningSchema><MiningField name="x"/><MiningField name="t" usageType="target"/></MiningSchema>
              <LocalTransformations><DerivedField name="d" optype="continuous" dataType="double">{derived}</DerivedField></LocalTransformations>
              <Node score="0"><True/><Node score="1"><SimplePredicate field="d" operator="lessThan" value="1"/></Node></Node>
            </TreeModel>
            """));
        var scorer = evaluator.CreateScorer();
        scorer.SetInput(0, text);
        scorer.Evaluate();
        Assert.That(scorer.GetNumber(0), Is.EqualTo(1.0));
        Assert.That(evaluator.DirectTree, Is.Null);
    }
}
