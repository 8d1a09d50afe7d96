using PmmlEngine.Backends;
using PmmlEngine.Backends.Compiled;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Tests.Backends;

/// <summary>
/// A record keeps plain numbers and declared categories unboxed; whatever it holds must read back as the very value
/// <see cref="InputSlot.Convert(string)"/> makes of the text (kind, number to the bit, payload, position), and
/// its number, position and kept answers must be the ones that value gives.
/// </summary>
public sealed class InputRecordTests
{
    private const string Document = """
        <DataField name="a" optype="continuous" dataType="double"><Interval closure="openClosed" leftMargin="0" rightMargin="100"/></DataField>
        <DataField name="b" optype="continuous" dataType="integer"><Value value="-1" property="missing"/></DataField>
        <DataField name="c" optype="continuous" dataType="float"/>
        <DataField name="d" optype="categorical" dataType="string"><Value value="u"/><Value value="v"/><Value value="w"/><Value value="?" property="missing"/></DataField>
        <DataField name="e" optype="categorical" dataType="integer"><Value value="0"/><Value value="1"/><Value value="2"/><Value value="7" property="invalid"/></DataField>
        <DataField name="f" optype="categorical" dataType="string"/>
        <DataField name="g" optype="categorical" dataType="string"><Value value="x"/><Value value="y"/></DataField>
        """;

    private const string Model = """
        <RegressionModel functionName="regression">
          <MiningSchema>
            <MiningField name="t" usageType="target"/>
            <MiningField name="a" outliers="asExtremeValues" lowValue="10" highValue="90"/>
            <MiningField name="b"/><MiningField name="c"/><MiningField name="d"/><MiningField name="e"/><MiningField name="f"/>
            <MiningField name="g" optype="continuous"/>
          </MiningSchema>
          <RegressionTable intercept="0"/>
        </RegressionModel>
        """;

    private static readonly string?[] Texts =
    [
        null, "", "0", "-0", "1", "-1", "2", "7", "2.5", "1e3", "0.1", "100", "100.5", "5", "95", "007", " 3", "NaN", "Infinity",
        "1.0000000000000000001", "16777217", "abc", "?", "u", "v", "w", "U", "x", "y", "z", "true",
    ];

    [Test]
    public void EveryTextReadsBackAsTheSlotConvertsIt()
    {
        var evaluator = Pmml.Load(Pmml.Document(Document + """<DataField name="t" optype="continuous" dataType="double"/>""", Model));
        var plan = evaluator.Plan;
        var kept = KeptInputs.For(plan, plan.Model)!;
        var slots = evaluator.Inputs;
        var record = new InputRecord(slots);
        var typed = 0;
        for (var i = 0; i < slots.Count; i++)
        {
            foreach (var text in Texts)
            {
                var expected = slots[i].Convert(text);
                typed += slots[i].Read(text, out _) == InputSlot.NotRead ? 0 : 1;
                // Set from its text, and set as the value itself (a valid value is then kept as its position).
                record.SetText(i, slots[i], text);
                AssertReadsBackAs(record, i, slots[i].Domain, kept[i], expected, $"{slots[i].Name} = {text ?? "null"}");
                record.Set(i, expected);
                AssertReadsBackAs(record, i, slots[i].Domain, kept[i], expected, $"{slots[i].Name} set to the value of {text ?? "null"}");
            }
        }
        // Most of the texts take the unboxed way somewhere; the rest are converted in full.
        Assert.That(typed, Is.InRange(30, slots.Count * Texts.Length - 30));
    }

    [Test]
    public void NumbersAndPositionsReadBackAsTheValuesTheyStandFor()
    {
        var evaluator = Pmml.Load(Pmml.Document(Document + """<DataField name="t" optype="continuous" dataType="double"/>""", Model));
        var slots = evaluator.Inputs;
        var record = new InputRecord(slots);
        record.SetNumber(0, -0.0);
        AssertSame(record[0], Value.Of(-0.0), "a number");
        record.SetCategory(3, 2);
        AssertSame(record[3], slots[3].Domain.ValidValues[2], "a position");
        Assert.That(record.PositionOf(3), Is.EqualTo(2));
        record.Set(3, slots[3].Domain.ValidValues[1]);
        Assert.That(record.PositionOf(3), Is.EqualTo(1), "a valid value set as a value");
        record.Set(3, Value.Of("v"));
        Assert.That(record.PositionOf(3), Is.EqualTo(-1), "text not read from the field's declaration");
    }

    private static void AssertReadsBackAs(InputRecord record, int i, FieldDomain domain, PreparedSlot kept, Value expected, string what)
    {
        AssertSame(record[i], expected, what);
        Assert.That(record.TryGetNumber(i, out var number), Is.EqualTo(expected.Kind == ValueKind.Number), what);
        if (expected.Kind == ValueKind.Number)
            Assert.That(BitConverter.DoubleToInt64Bits(number), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected.Number)), what);
        Assert.That(record.PositionOf(i), Is.EqualTo(domain.PositionOf(expected)), what);
        Assert.That(record.IsKept(i, kept), Is.EqualTo(kept.Keeps(expected)), what);
        Assert.That(record.IsKeptAtOnce(i, kept) && !kept.Keeps(expected), Is.False, what + ": kept at once, but not kept");
    }

    private static void AssertSame(Value actual, Value expected, string what)
    {
        Assert.That(actual.Kind, Is.EqualTo(expected.Kind), what);
        Assert.That(BitConverter.DoubleToInt64Bits(actual.Number), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected.Number)), what);
        Assert.That(actual.Payload, Is.EqualTo(expected.Payload), what);
        Assert.That(actual.Category, Is.EqualTo(expected.Category), what);
    }
}
