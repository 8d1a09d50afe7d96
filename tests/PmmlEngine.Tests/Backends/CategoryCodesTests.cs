using PmmlEngine.Backends.Compiled;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Tests.Backends;

/// <summary>
/// Category codes found by position for an input field's own valid strings must equal those found by text, whatever
/// path the value took to the slot; a string that is not the field's own is looked up by its text, even when it carries
/// the same position from another field.
/// </summary>
public sealed class CategoryCodesTests
{
    // g and h list their values in different orders; c copies g, u upper-cases it (a new string).
    private static readonly string Document = Pmml.Document(
        """
        <DataField name="g" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/><Value value="c"/></DataField>
        <DataField name="h" optype="categorical" dataType="string"><Value value="c"/><Value value="z"/><Value value="a"/></DataField>
        <DataField name="y" optype="continuous" dataType="double"/>
        """,
        """
        <TransformationDictionary>
          <DerivedField name="c" optype="categorical" dataType="string"><FieldRef field="g"/></DerivedField>
          <DerivedField name="u" optype="categorical" dataType="string"><Apply function="uppercase"><FieldRef field="g"/></Apply></DerivedField>
        </TransformationDictionary>
        <RegressionModel functionName="regression">
          <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="g" invalidValueTreatment="asIs"/><MiningField name="h" invalidValueTreatment="asIs"/></MiningSchema>
          <RegressionTable intercept="0.5">
            <CategoricalPredictor name="c" value="a" coefficient="1"/>
            <CategoricalPredictor name="c" value="b" coefficient="10"/>
            <CategoricalPredictor name="c" value="c" coefficient="100"/>
            <CategoricalPredictor name="h" value="c" coefficient="1000"/>
            <CategoricalPredictor name="h" value="a" coefficient="10000"/>
            <CategoricalPredictor name="h" value="z" coefficient="100000"/>
            <CategoricalPredictor name="u" value="A" coefficient="0.25"/>
            <CategoricalPredictor name="u" value="B" coefficient="0.125"/>
            <CategoricalPredictor name="u" value="C" coefficient="0.0625"/>
          </RegressionTable>
        </RegressionModel>
        """);

    private static readonly Dictionary<string, int> Codes = new(StringComparer.Ordinal) { ["c"] = 0, ["a"] = 1 };

    private static (DocumentPlan Plan, int Slot) SlotOf(string name)
    {
        var plan = Pmml.Load(Document).DocumentPlan;
        return (plan, plan.Slots.Single(s => s.Name == name && s is not PreparedSlot).Index);
    }

    private static FieldDomain DomainOf(DocumentPlan plan, string name) => plan.Slots.OfType<InputSlot>().Single(s => s.Name == name).Domain;

    [TestCase("g")]
    [TestCase("c")]
    public void AFieldsOwnValues_GetTheCodesOfTheirText(string slot)
    {
        var (plan, index) = SlotOf(slot);
        var codes = CategoryCodes.For(plan, index, Codes);
        var own = DomainOf(plan, "g").ValidValues;
        Assert.That(own.Select(codes.Find), Is.EqualTo(new[] { 1, -1, 0 }));
        Assert.That(own.Select(v => codes.Find(Value.Of(new string(v.String.AsSpan())))), Is.EqualTo(new[] { 1, -1, 0 }));
    }

    [Test]
    public void AnotherFieldsValues_AreLookedUpByText()
    {
        var (plan, index) = SlotOf("g");
        var codes = CategoryCodes.For(plan, index, Codes);
        // h's values sit at positions where g holds other strings: c at g's a, z at g's b, a at g's c.
        Assert.That(DomainOf(plan, "h").ValidValues.Select(codes.Find), Is.EqualTo(new[] { 0, -1, 1 }));
        Assert.That(codes.Find(Value.Of(1.0)), Is.EqualTo(-1));
        Assert.That(codes.Find(Value.Missing), Is.EqualTo(-1));
    }

    [Test]
    public void RegressionPredictors_MatchTheInterpreter()
    {
        var evaluators = Pmml.LoadBoth(Document).ToArray();
        foreach (var g in new[] { "a", "b", "c", "q" })
            foreach (var h in new[] { "a", "z", "c", "q" })
            {
                var results = evaluators.Select(e => e.Evaluate(Pmml.Row(("g", g), ("h", h)))["y"]).ToArray();
                Assert.That(results[1], Is.EqualTo(results[0]), $"g = {g}, h = {h}");
            }
        var both = evaluators.Select(e => e.Evaluate(Pmml.Row(("g", "b"), ("h", "a")))["y"]);
        Assert.That(both, Is.All.EqualTo(0.5 + 10 + 10000 + 0.125));
    }
}
