using PmmlEngine.Evaluation;
using PmmlScore;

namespace PmmlEngine.Tests.Cli;

/// <summary>An AssociationModel with a group field: the CLI scores consecutive rows of one group as one basket.</summary>
public sealed class TransactionTests
{
    private const string Model = """
        <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/>
          <DataDictionary>
            <DataField name="basket" optype="categorical" dataType="string"/><DataField name="item" optype="categorical" dataType="string"/>
          </DataDictionary>
          <AssociationModel functionName="associationRules">
            <MiningSchema><MiningField name="basket" usageType="group"/><MiningField name="item"/></MiningSchema>
            <Output><OutputField name="next" feature="ruleValue" ruleFeature="consequent"/></Output>
            <Item id="1" value="Beer"/><Item id="2" value="Diapers"/><Item id="3" value="Chips"/>
            <Itemset id="b"><ItemRef itemRef="1"/></Itemset><Itemset id="d"><ItemRef itemRef="2"/></Itemset>
            <Itemset id="bd"><ItemRef itemRef="1"/><ItemRef itemRef="2"/></Itemset><Itemset id="c"><ItemRef itemRef="3"/></Itemset>
            <AssociationRule antecedent="b" consequent="d" support="0.3" confidence="0.8"/>
            <AssociationRule antecedent="bd" consequent="c" support="0.1" confidence="0.5"/>
          </AssociationModel>
        </PMML>
        """;

    [Test]
    public void ConsecutiveRowsOfAGroupAreOneBasketAndEveryRowIsWritten()
    {
        var evaluator = Pmml.Load(Model);
        Assert.That(evaluator.GroupField, Is.EqualTo("basket"));
        var output = new StringWriter();
        var summary = CsvScorer.Score(evaluator, new StringReader("basket,item\n1,Beer\n1,Diapers\n2,Beer\n3,Chips\n"), output,
            new ScoreOptions { Keep = ["basket"] });
        // Basket 1 holds Beer and Diapers: the first rule's consequent is already there, so Chips; basket 2 only Beer.
        Assert.That(output.ToString().ReplaceLineEndings("\n"), Is.EqualTo("basket,next,error\n1,[Chips],\n1,[Chips],\n2,[Diapers],\n3,,\n"));
        Assert.That(summary.Rows, Is.EqualTo(4));
    }

    [Test]
    public void AMissingGroupColumnIsAnInputError()
    {
        var error = Assert.Throws<CsvInputException>(() => CsvScorer.Score(Pmml.Load(Model), new StringReader("item\nBeer\n"), new StringWriter(), new ScoreOptions()));
        Assert.That(error!.Message, Does.Contain("basket"));
    }
}
