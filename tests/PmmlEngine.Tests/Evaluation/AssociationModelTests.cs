namespace PmmlEngine.Tests.Evaluation;

/// <summary>
/// AssociationModel: the three algorithms, ranking by confidence and lift in both orders, multi-valued outputs, and
/// items given as fields (PMML 4.4) — expectations worked out by hand from the rules below.
/// </summary>
[TestFixture]
public sealed class AssociationModelTests
{
    // R1 {Beer}→{Diapers} conf .8 lift 1.5; R2 {Diapers}→{Beer} .6 / 1.5; R3 {Chips}→{Salsa} .9 / 2.0;
    // R4 {Beer,Diapers}→{Chips} .5 / 1.1; R5 {Beer}→{Chips} .5 / 0.9.
    internal static string Document(string outputs) => Pmml.Document("""
        <DataField name="item" optype="categorical" dataType="string"/>
        """, $"""
        <AssociationModel functionName="associationRules" numberOfTransactions="10" minimumSupport="0.1" minimumConfidence="0.5"
            numberOfItems="4" numberOfItemsets="6" numberOfRules="5">
          <MiningSchema><MiningField name="item"/></MiningSchema>
          <Output>{outputs}</Output>
          <Item id="1" value="Beer"/><Item id="2" value="Diapers"/><Item id="3" value="Chips"/><Item id="4" value="Salsa"/>
          <Itemset id="s1"><ItemRef itemRef="1"/></Itemset>
          <Itemset id="s2"><ItemRef itemRef="2"/></Itemset>
          <Itemset id="s3"><ItemRef itemRef="1"/><ItemRef itemRef="2"/></Itemset>
          <Itemset id="s4"><ItemRef itemRef="3"/></Itemset>
          <Itemset id="s5"><ItemRef itemRef="4"/></Itemset>
          <AssociationRule id="R1" antecedent="s1" consequent="s2" support="0.3" confidence="0.8" lift="1.5"/>
          <AssociationRule id="R2" antecedent="s2" consequent="s1" support="0.3" confidence="0.6" lift="1.5"/>
          <AssociationRule id="R3" antecedent="s4" consequent="s5" support="0.2" confidence="0.9" lift="2.0"/>
          <AssociationRule id="R4" antecedent="s3" consequent="s4" support="0.1" confidence="0.5" lift="1.1"/>
          <AssociationRule id="R5" antecedent="s1" consequent="s4" support="0.1" confidence="0.5" lift="0.9"/>
        </AssociationModel>
        """);

    internal const string Outputs = """
        <OutputField name="rec1" feature="ruleValue" ruleFeature="consequent" algorithm="recommendation" rank="1"/>
        <OutputField name="ex1" feature="ruleValue" ruleFeature="consequent" rank="1"/>
        <OutputField name="ex2" feature="ruleValue" ruleFeature="rule" rank="2"/>
        <OutputField name="assoc2" feature="ruleValue" ruleFeature="ruleId" algorithm="ruleAssociation" rank="2"/>
        <OutputField name="liftTop" feature="ruleValue" ruleFeature="ruleId" algorithm="recommendation" rankBasis="lift"/>
        <OutputField name="liftLow" feature="ruleValue" ruleFeature="ruleId" algorithm="recommendation" rankBasis="lift" rankOrder="ascending"/>
        <OutputField name="top3" feature="ruleValue" ruleFeature="ruleId" algorithm="recommendation" rank="3" isMultiValued="1"/>
        <OutputField name="conf" feature="ruleValue" ruleFeature="confidence" dataType="double"/>
        <OutputField name="antecedent" feature="antecedent" algorithm="recommendation"/>
        """;

    [Test]
    public void RecommendsRankedRules()
    {
        foreach (var evaluator in Pmml.LoadBoth(Document(Outputs)))
        {
            var result = evaluator.Evaluate(Pmml.Row(("item", new[] { "Beer", "Diapers" })));
            // recommendation: R1 .8, R2 .6, R4 .5, R5 .5; exclusive drops R1 and R2 (their consequents are in the basket).
            Assert.That(result["rec1"], Is.EqualTo(new object?[] { "Diapers" }));
            Assert.That(result["ex1"], Is.EqualTo(new object?[] { "Chips" }));
            Assert.That(result["ex2"], Is.EqualTo("{Beer}->{Chips}"));
            Assert.That(result["assoc2"], Is.EqualTo("R2"));
            Assert.That(result["liftTop"], Is.EqualTo("R1"));
            Assert.That(result["liftLow"], Is.EqualTo("R5"));
            Assert.That(result["top3"], Is.EqualTo(new object?[] { "R1", "R2", "R4" }));
            Assert.That(result["conf"], Is.EqualTo(0.5));
            Assert.That(result["antecedent"], Is.EqualTo(new object?[] { "Beer" }));
        }
    }

    [Test]
    public void ExclusiveRecommendationSkipsRulesTheBasketAlreadyHolds()
    {
        foreach (var evaluator in Pmml.LoadBoth(Document(Outputs)))
        {
            // recommendation: R3 .9, R1 .8, R5 .5; exclusive keeps only R1, whose consequent is not in the basket.
            var result = evaluator.Evaluate(Pmml.Row(("item", new[] { "Chips", "Salsa", "Beer" })));
            Assert.That(result["rec1"], Is.EqualTo(new object?[] { "Salsa" }));
            Assert.That(result["ex1"], Is.EqualTo(new object?[] { "Diapers" }));
            Assert.That(result["ex2"], Is.Null);
            Assert.That(evaluator.Evaluate(Pmml.Row(("item", null)))["rec1"], Is.Null);
        }
    }

    // PMML 4.4 items as fields: an item is present when its field equals its category.
    [TestCase("yes", "no", "B")]
    [TestCase("no", "no", null)]
    public void ItemsAsFields(string a, string b, string? expected)
    {
        var document = Pmml.Document("""
            <DataField name="a" optype="categorical" dataType="string"/><DataField name="b" optype="categorical" dataType="string"/>
            """, """
            <AssociationModel functionName="associationRules">
              <MiningSchema><MiningField name="a"/><MiningField name="b"/></MiningSchema>
              <Output><OutputField name="next" feature="ruleValue" ruleFeature="consequent"/></Output>
              <Item id="1" value="A" field="a" category="yes"/><Item id="2" value="B" field="b" category="yes"/>
              <Itemset id="x"><ItemRef itemRef="1"/></Itemset><Itemset id="y"><ItemRef itemRef="2"/></Itemset>
              <AssociationRule antecedent="x" consequent="y" support="0.2" confidence="0.7"/>
            </AssociationModel>
            """);
        foreach (var evaluator in Pmml.LoadBoth(document))
        {
            var next = evaluator.Evaluate(Pmml.Row(("a", a), ("b", b)))["next"];
            Assert.That(next, expected is null ? Is.Null : Is.EqualTo(new object?[] { expected }));
        }
    }
}
