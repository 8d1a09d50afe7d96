using PmmlEngine.Backends;
using PmmlEngine.Errors;
using PmmlEngine.Evaluation;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Tests.Evaluation;

/// <summary>
/// A batch row read into a record (<see cref="BatchScorer.SetRecord"/>) holds, for every input, the value the record
/// path makes of the same number: converted to the field's type (doubles as they are, floats rounded, integers
/// truncated), a category code as its valid value, anything else missing or invalid — same kind and bits, and a
/// position among the field's valid values only where that valid value is the one the record path makes.
/// </summary>
public sealed class BatchRecordTests
{
    [Test]
    public void SetRecord_HoldsTheValueTheRecordPathMakes()
    {
        var fields = new[]
        {
            Field("d", OpType.Continuous, DataType.Double),
            Field("f", OpType.Continuous, DataType.Float),
            Field("i", OpType.Continuous, DataType.Integer),
            Field("years", OpType.Categorical, DataType.Integer, "70", "71", "72", "82"),
            Field("codes", OpType.Ordinal, DataType.Double, "0", "2", "4"),
            Field("s", OpType.Categorical, DataType.String, "a", "b", "c"),
        };
        var slots = fields.Select(f => new InputSlot(f)).ToArray();
        var record = new InputRecord(slots);
        var random = new Random(3);
        double[] edges = [0, -0.0, 1, -1, 2, 2.5, -2.5, 70, 71, 71.5, 82, 83, 1e300, -1e300, double.PositiveInfinity, double.NegativeInfinity,
            double.NaN, double.Epsilon, 3.4028235677973366e38, 16777217, 1.0000000000000002];
        var numbers = edges.Concat(Enumerable.Range(0, 2000).Select(_ => random.Next(2) == 0 ? random.Next(-5, 90) : (random.NextDouble() - 0.5) * 200));
        foreach (var x in numbers)
        {
            var line = Enumerable.Repeat(x, slots.Length).ToArray();
            BatchScorer.SetRecord(record, slots, line);
            for (var i = 0; i < slots.Length; i++)
            {
                var expected = Expected(slots[i], x);
                var actual = record[i];
                var where = $"{x:R} for {slots[i].Name}";
                Assert.That(actual.Kind, Is.EqualTo(expected.Kind), where);
                Assert.That(BitConverter.DoubleToInt64Bits(actual.Number), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected.Number)), where);
                Assert.That(actual.Payload, Is.EqualTo(expected.Payload), where);
                // A category code reads as its valid value, position and all; a whole number of an integer category may
                // carry the position of the valid value it equals, which the record path's number does not.
                var position = slots[i].Domain.PositionOf(actual);
                if (slots[i].DataType == DataType.String)
                    Assert.That(position, Is.EqualTo(slots[i].Domain.PositionOf(expected)), where);
                else if (position >= 0)
                    Assert.That(slots[i].Domain.ValidValues[position], Is.EqualTo(expected), where);
            }
        }
    }

    /// <summary>The record path's value: a code's valid value for a string category, else the number converted.</summary>
    private static Value Expected(InputSlot slot, double x)
    {
        if (double.IsNaN(x))
            return Value.Missing;
        if (slot.DataType != DataType.String)
            return ValueParser.Convert(Value.Of(x), slot.DataType);
        var k = (int)x;
        return k == x && k >= 0 && k < slot.Domain.ValidValues.Count ? slot.Domain.ValidValues[k] : Value.Invalid;
    }

    private static DataField Field(string name, OpType opType, DataType type, params string[] values) =>
        new(name, null, opType, type, [.. values.Select(v => new FieldValue(v, ValueProperty.Valid, null))], [], SourceLocation.None);
}
