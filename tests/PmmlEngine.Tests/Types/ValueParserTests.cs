using System.Globalization;
using PmmlEngine.Types;

namespace PmmlEngine.Tests.Types;

[TestFixture]
public sealed class ValueParserTests
{
    [Test]
    public void TryParseDouble_PlainDecimals_GiveTheSameDoubleAsDoubleParse()
    {
        var random = new Random(7);
        var texts = new List<string> { "0", "-0", "+0", "-0.0", ".5", "5.", "007", "999999999999999", "0.1", "81838", "-1.0000000000001", "123456.789012345" };
        for (var i = 0; i < 20000; i++)
        {
            var digits = new string(Enumerable.Range(0, random.Next(1, 16)).Select(_ => (char)('0' + random.Next(10))).ToArray());
            var point = random.Next(digits.Length + 1);
            texts.Add((random.Next(3) == 0 ? "-" : "") + digits[..point] + (random.Next(4) == 0 ? "" : ".") + digits[point..]);
        }
        foreach (var text in texts)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected))
                continue;
            Assert.That(ValueParser.TryParseDouble(text, out var actual), Is.True, text);
            Assert.That(BitConverter.DoubleToInt64Bits(actual), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)), text);
        }
    }

    [TestCase(" 2.5 ", 2.5)]
    [TestCase("12345678901234567890123", 12345678901234567890123.0)]
    [TestCase("-Infinity", double.NegativeInfinity)]
    public void TryParseDouble_OtherForms_UseTheGeneralParser(string text, double expected)
    {
        Assert.That(ValueParser.TryParseDouble(text, out var actual), Is.True);
        Assert.That(actual, Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("-")]
    [TestCase(".")]
    [TestCase("1.2.3")]
    [TestCase("12a")]
    public void TryParseDouble_NotANumber_Fails(string text) => Assert.That(ValueParser.TryParseDouble(text, out _), Is.False);
}
