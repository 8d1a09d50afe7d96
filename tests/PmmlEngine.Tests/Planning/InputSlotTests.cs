using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Tests.Planning;

/// <summary>
/// Text read for a field is the value PMML's steps give it, whichever way the slot reads it: a declared missing marker
/// is missing, a declared valid text is the field's own value, anything else is parsed as the field's type and is
/// invalid if it cannot be. Number fields read plain decimals on a shorter path; this compares both with those steps.
/// </summary>
[TestFixture]
public sealed class InputSlotTests
{
    private static readonly string[] Texts =
    [
        "0", "-0", "+0", "-0.0", "0.0", "5", "5.1", "-5.1", ".5", "5.", "007", "1e3", "1E-3", "-2.5e+2", "8.5", "8.0", "-999",
        "-999.0", "NaN", "nan", "Infinity", "-INF", "1e400", "-1e400", "1e-400", "9007199254740993", "12345678901234567890123",
        " 5", "5 ", "0x10", "1,5", "abc", "", "3", "70", "1.0000000000000002", "3.4028235677973366e38", "16777217",
    ];

    private static readonly DataType[] Types = [DataType.Double, DataType.Float, DataType.Integer];

    /// <summary>
    /// A number given to a field of whole-number categories (the batch layout's integer categories) finds the position of
    /// the very valid value it converts to — same value, same bits — or none: fractions, −0, numbers outside the
    /// values, and fields whose values are not whole numbers close together.
    /// </summary>
    [Test]
    public void PositionOfNumber_IsTheValidValueTheNumberConvertsTo()
    {
        double[] numbers = [-3, -2, 0, -0.0, 1, 4, 4.5, Math.BitIncrement(4.0), 8, 4091, 4092, 16777216, 16777217, 1e300, double.NaN, double.NegativeInfinity];
        foreach (var type in Types)
        {
            foreach (var valid in new[] { new[] { "-3", "0", "4", "8", "4092" }, ["3", "4", "5", "6", "8"], ["0", "4096"], ["0.5", "4"], ["16777216"] })
            {
                var field = new DataField("x", null, OpType.Categorical, type, [.. valid.Select(v => new FieldValue(v, ValueProperty.Valid, null))], [], SourceLocation.None);
                var slot = new InputSlot(field);
                foreach (var x in numbers.Concat(valid.Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))))
                {
                    var where = $"{x:R} as {type}, valid [{string.Join(",", valid)}]";
                    var converted = ValueParser.Convert(Value.Of(x), type);
                    var position = slot.PositionOfNumber(x);
                    if (position >= 0)
                    {
                        var value = slot.Domain.ValidValueAt(position);
                        Assert.That(value, Is.EqualTo(converted), where);
                        Assert.That(BitConverter.DoubleToInt64Bits(value.Number), Is.EqualTo(BitConverter.DoubleToInt64Bits(converted.Number)), where);
                        continue;
                    }
                    // Found wherever the values are whole numbers within the table's span and x converts to one of them.
                    var table = valid.All(v => !v.Contains('.')) && valid.Max(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))
                        - valid.Min(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)) < 4096;
                    Assert.That(table && x == Math.Floor(x) && !(x == 0 && double.IsNegative(x)) && slot.Domain.PositionOf(converted) >= 0, Is.False, where);
                }
            }
        }
    }

    [Test]
    public void NumberFields_ReadEveryTextAsPmmlSays()
    {
        var random = new Random(5);
        var texts = Texts.Concat(Enumerable.Range(0, 2000).Select(_ => RandomDecimal(random))).ToArray();
        foreach (var type in Types)
        {
            foreach (var (missing, valid, opType) in new (string[], string[], OpType)[]
            {
                ([], [], OpType.Continuous),
                (["NaN"], [], OpType.Continuous),
                (["-999", "NaN"], [], OpType.Continuous),
                ([], ["3", "70", "8.0"], OpType.Categorical),
                (["-0"], ["5"], OpType.Ordinal),
            })
            {
                var field = new DataField("x", null, opType, type,
                    [.. missing.Select(m => new FieldValue(m, ValueProperty.Missing, null)), .. valid.Select(v => new FieldValue(v, ValueProperty.Valid, null))],
                    [], SourceLocation.None);
                var slot = new InputSlot(field);
                foreach (var text in texts)
                {
                    var expected = Expected(slot.Domain, text, type);
                    var actual = slot.Convert(text);
                    var where = $"'{text}' as {type}, missing [{string.Join(",", missing)}], valid [{string.Join(",", valid)}]";
                    Assert.That(actual.Kind, Is.EqualTo(expected.Kind), where);
                    Assert.That(BitConverter.DoubleToInt64Bits(actual.Number), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected.Number)), where);
                    Assert.That(actual.Payload, Is.EqualTo(expected.Payload), where);
                    Assert.That(slot.Domain.PositionOf(actual), Is.EqualTo(slot.Domain.PositionOf(expected)), where);
                }
            }
        }
    }

    [Test]
    public void IntegerFields_HaveNoNegativeZero()
    {
        var slot = new InputSlot(new DataField("x", null, OpType.Continuous, DataType.Integer, ImmutableArray<FieldValue>.Empty, [], SourceLocation.None));
        foreach (var text in new[] { "-0", "-0.0", "-0e5", " -0.0" })
            Assert.That(double.IsNegative(slot.Convert(text).Number), Is.False, text);
    }

    /// <summary>The steps in the order PMML gives them, through the general parser.</summary>
    private static Value Expected(FieldDomain domain, string text, DataType type)
    {
        if (text.Length == 0 || domain.MissingTexts.Contains(text))
            return Value.Missing;
        if (domain.TryGetValid(text, out var valid))
            return valid;
        var value = ValueParser.Parse(text, type);
        return value.IsInvalid ? Value.InvalidText(text) : value;
    }

    private static string RandomDecimal(Random random)
    {
        var digits = new string(Enumerable.Range(0, random.Next(1, 21)).Select(_ => (char)('0' + random.Next(10))).ToArray());
        var point = random.Next(digits.Length + 1);
        var text = (random.Next(3) == 0 ? "-" : "") + digits[..point] + (random.Next(3) == 0 ? "" : ".") + digits[point..];
        return random.Next(4) == 0 ? text + "e" + random.Next(-330, 330) : text;
    }
}
