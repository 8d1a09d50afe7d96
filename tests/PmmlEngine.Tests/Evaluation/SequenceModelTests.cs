using PmmlScore;

namespace PmmlEngine.Tests.Evaluation;

/// <summary>SequenceModel rule matching over ordered transactions, worked out by hand from the rules below.</summary>
[TestFixture]
public sealed class SequenceModelTests
{
    internal static readonly string Document = Pmml.Document("""
        <DataField name="visitor" optype="categorical" dataType="string"/><DataField name="time" optype="continuous" dataType="integer"/>
        <DataField name="page" optype="categorical" dataType="string"/>
        """, """
        <SequenceModel functionName="sequences">
          <MiningSchema><MiningField name="visitor" usageType="group"/><MiningField name="time" usageType="order"/><MiningField name="page"/></MiningSchema>
          <Output>
            <OutputField name="next" feature="ruleValue" ruleFeature="consequent"/>
            <OutputField name="then" feature="ruleValue" ruleFeature="consequent" rank="2"/>
            <OutputField name="held" feature="ruleValue" ruleFeature="ruleId" algorithm="ruleAssociation"/>
            <OutputField name="all" feature="ruleValue" ruleFeature="ruleId" algorithm="recommendation" rank="4" isMultiValued="1"/>
          </Output>
          <Item id="1" value="A"/><Item id="2" value="B"/><Item id="3" value="C"/><Item id="4" value="D"/>
          <Itemset id="sA"><ItemRef itemRef="1"/></Itemset><Itemset id="sB"><ItemRef itemRef="2"/></Itemset>
          <SetPredicate id="sC" field="page" operator="supersetOf"><Array n="1" type="string">C</Array></SetPredicate>
          <Itemset id="sD"><ItemRef itemRef="4"/></Itemset>
          <Sequence id="qA" numberOfSets="1"><SetReference setId="sA"/></Sequence>
          <Sequence id="qB" numberOfSets="1"><SetReference setId="sB"/></Sequence>
          <Sequence id="qAB" numberOfSets="2"><SetReference setId="sA"/><Delimiter delimiter="acrossTimeWindows" gap="unknown"/><SetReference setId="sB"/></Sequence>
          <Sequence id="qAnextB" numberOfSets="2"><SetReference setId="sA"/><Delimiter delimiter="acrossTimeWindows" gap="false"/><SetReference setId="sB"/></Sequence>
          <Sequence id="qC" numberOfSets="1"><SetReference setId="sC"/></Sequence>
          <Sequence id="qD" numberOfSets="1"><SetReference setId="sD"/></Sequence>
          <SequenceRule id="r1" numberOfSets="2" occurrence="6" support="0.3" confidence="0.6">
            <AntecedentSequence><SequenceReference seqId="qA"/></AntecedentSequence><Delimiter delimiter="acrossTimeWindows" gap="unknown"/>
            <ConsequentSequence><SequenceReference seqId="qB"/></ConsequentSequence></SequenceRule>
          <SequenceRule id="r2" numberOfSets="3" occurrence="4" support="0.2" confidence="0.8">
            <AntecedentSequence><SequenceReference seqId="qAB"/></AntecedentSequence><Delimiter delimiter="acrossTimeWindows" gap="unknown"/>
            <ConsequentSequence><SequenceReference seqId="qC"/></ConsequentSequence></SequenceRule>
          <SequenceRule id="r3" numberOfSets="2" occurrence="5" support="0.25" confidence="0.5">
            <AntecedentSequence><SequenceReference seqId="qA"/></AntecedentSequence><Delimiter delimiter="acrossTimeWindows" gap="false"/>
            <ConsequentSequence><SequenceReference seqId="qD"/></ConsequentSequence></SequenceRule>
          <SequenceRule id="r4" numberOfSets="3" occurrence="2" support="0.1" confidence="0.9">
            <AntecedentSequence><SequenceReference seqId="qAnextB"/></AntecedentSequence><Delimiter delimiter="acrossTimeWindows" gap="unknown"/>
            <ConsequentSequence><SequenceReference seqId="qD"/></ConsequentSequence></SequenceRule>
        </SequenceModel>
        """);

    [Test]
    public void MatchesRulesAgainstOrderedTransactions()
    {
        foreach (var evaluator in Pmml.LoadBoth(Document))
        {
            // A, then C, then B: r1 (B follows A) is held; r2 (A then B) recommends C; r3 recommends D; r4 needs B right after A.
            var result = evaluator.Evaluate(Pmml.Row(("page", new object[] { new[] { "A" }, new[] { "C" }, new[] { "B" } })));
            Assert.That(result["next"], Is.EqualTo(new object?[] { "C" }));
            Assert.That(result["then"], Is.EqualTo(new object?[] { "D" }));
            Assert.That(result["held"], Is.EqualTo("r1"));
            Assert.That(result["all"], Is.EqualTo(new object?[] { "r2", "r1", "r3" }));

            // A, then B in the next transaction: r4 applies too and ranks first.
            var next = evaluator.Evaluate(Pmml.Row(("page", new object[] { new[] { "A" }, new[] { "B" } })));
            Assert.That(next["all"], Is.EqualTo(new object?[] { "r4", "r2", "r1", "r3" }));
        }
    }

    [Test]
    public void TheCliBuildsTransactionsFromGroupAndOrder()
    {
        var output = new StringWriter();
        CsvScorer.Score(Pmml.Load(Document), new StringReader("visitor,time,page\n1,1,A\n1,2,C\n1,3,B\n2,1,A\n2,1,B\n"), output,
            new ScoreOptions { Keep = ["visitor"] });
        // Visitor 2 saw A and B together: B does not follow A, so r1 recommends B and r2 does not apply.
        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.That(lines[1], Does.StartWith("1,[C],[D],r1,"));
        Assert.That(lines[4], Does.StartWith("2,[B],[D],,"));
        Assert.That(lines.Count(l => l.Length > 0), Is.EqualTo(6));
    }
}
