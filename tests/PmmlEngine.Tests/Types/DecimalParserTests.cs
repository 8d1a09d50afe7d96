using System.Globalization;
using System.Numerics;
using PmmlEngine.Types;

namespace PmmlEngine.Tests.Types;

/// <summary>
/// The fast decimal reader must return, for every text of its shape, the very double <see cref="double.Parse(string)"/>
/// returns (the correctly rounded one), and leave every other text to the general parser.
/// </summary>
[TestFixture]
public sealed class DecimalParserTests
{
    [TestCase("9007199254740993")]          // 2^53 + 1: a tie, to even (down)
    [TestCase("9007199254740995")]          // a tie, to even (up)
    [TestCase("4503599627370496.5")]        // a tie below 2^53, with a fraction
    [TestCase("18014398509481990")]         // a tie where the spacing is 4
    [TestCase("9223372036854775807")]       // 19 digits
    [TestCase("0.1")]
    [TestCase("0.30000000000000004")]
    [TestCase("1e23")]                      // just beyond the exact powers of ten
    [TestCase("8.98846567431158e307")]
    [TestCase("1.7976931348623157e308")]    // the largest double
    [TestCase("1.7976931348623158e308")]    // rounds down to it
    [TestCase("1.7976931348623159e308")]    // overflows to infinity
    [TestCase("2.2250738585072011e-308")]   // just below the smallest normal
    [TestCase("2.2250738585072012e-308")]
    [TestCase("2.2250738585072013e-308")]   // rounds up into the smallest normal
    [TestCase("4.9406564584124654e-324")]   // the smallest subnormal
    [TestCase("2.4703282292062327e-324")]   // under half of it: zero
    [TestCase("2.4703282292062328e-324")]   // over half of it: the smallest subnormal
    [TestCase("1e-400")]
    [TestCase("-1e400")]
    [TestCase("0e999999999999")]
    [TestCase("-0.000")]
    [TestCase("000000000000000000000000012.5000")]
    [TestCase("1.E5")]
    [TestCase("7.2e+1")]
    [TestCase("0.0000000000000000000000000000000000000000000000000000000001")]
    public void HardCases_AreDoubleParse(string text) => AssertSame(text);

    [Test]
    public void RandomDecimals_AreDoubleParse()
    {
        var random = new Random(11);
        for (var i = 0; i < 200_000; i++)
        {
            var digits = new string(Enumerable.Range(0, random.Next(1, 20)).Select(_ => (char)('0' + random.Next(10))).ToArray());
            var point = random.Next(digits.Length + 1);
            var text = (random.Next(3) == 0 ? "-" : "") + digits[..point] + (random.Next(4) == 0 ? "" : ".") + digits[point..];
            if (random.Next(2) == 0)
                text += (random.Next(2) == 0 ? "e" : "E") + random.Next(-360, 330).ToString(CultureInfo.InvariantCulture);
            AssertSame(text);
        }
    }

    [Test]
    public void RandomDoubles_ReadBackFromTheirTexts()
    {
        var random = new Random(12);
        for (var i = 0; i < 100_000; i++)
        {
            var x = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (!double.IsFinite(x))
                continue;
            AssertSame(x.ToString("R", CultureInfo.InvariantCulture));
            AssertSame(x.ToString("E16", CultureInfo.InvariantCulture));
            AssertSame(x.ToString("E" + random.Next(0, 19), CultureInfo.InvariantCulture));
        }
    }

    [Test]
    public void Ties_RoundToEven()
    {
        // In [2^(52+s), 2^(53+s)) doubles are 2^s apart, so j·2^s + 2^(s−1) lies halfway between two (up to 19 digits);
        // below 2^53 the halves and quarters do.
        var random = new Random(13);
        for (var i = 0; i < 50_000; i++)
        {
            var s = random.Next(1, 11);
            AssertSame(((random.NextInt64(1L << 52, 1L << 53) << s) + (1L << (s - 1))).ToString(CultureInfo.InvariantCulture));
            AssertSame(random.NextInt64(1L << 52, 1L << 53).ToString(CultureInfo.InvariantCulture) + ".5");
            AssertSame(random.NextInt64(1L << 51, 1L << 52).ToString(CultureInfo.InvariantCulture) + (random.Next(2) == 0 ? ".25" : ".75"));
        }
    }

    [Test]
    public void PowersOfFive_AreTheTruncatedPowers()
    {
        var table = PowersOfFive.Table;
        Assert.That(table.Length, Is.EqualTo(2 * (PowersOfFive.Largest - PowersOfFive.Smallest + 1)));
        for (var q = PowersOfFive.Smallest; q <= PowersOfFive.Largest; q++)
        {
            BigInteger bits;
            if (q >= 0)
            {
                bits = BigInteger.Pow(5, q);
            }
            else
            {
                // The reciprocal rounded up: 2^(z+127) / 5^−q near 1, 2^(2z+128) / 5^−q further out (z = bits of 5^−q).
                var power = BigInteger.Pow(5, -q);
                var z = (int)power.GetBitLength();
                bits = (BigInteger.One << (q >= -27 ? z + 127 : 2 * z + 128)) / power + 1;
            }
            var length = (int)bits.GetBitLength();
            bits = length <= 128 ? bits << (128 - length) : bits >> (length - 128);
            var at = 2 * (q - PowersOfFive.Smallest);
            Assert.That((table[at], table[at + 1]), Is.EqualTo(((ulong)(bits >> 64), (ulong)(bits & ulong.MaxValue))), $"5^{q}");
        }
    }

    [TestCase("")]
    [TestCase("-")]
    [TestCase(".")]
    [TestCase("e5")]
    [TestCase("1e")]
    [TestCase("1e+")]
    [TestCase(" 1")]
    [TestCase("1 ")]
    [TestCase("1.2.3")]
    [TestCase("1,5")]
    [TestCase("0x10")]
    [TestCase("Infinity")]
    [TestCase("12345678901234567890")]      // 20 significant digits
    public void OtherTexts_AreLeftToTheGeneralParser(string text) => Assert.That(DecimalParser.TryParse(text, out _), Is.False);

    private static void AssertSame(string text)
    {
        var expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.That(DecimalParser.TryParse(text, out var actual), Is.True, text);
        if (BitConverter.DoubleToInt64Bits(actual) != BitConverter.DoubleToInt64Bits(expected))
            Assert.Fail($"'{text}': {actual:R} instead of {expected:R}");
    }
}
