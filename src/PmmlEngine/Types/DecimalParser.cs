using System.Numerics;
using System.Runtime.CompilerServices;

namespace PmmlEngine.Types;

/// <summary>
/// Reads a plain decimal ([sign] digits [. digits] [e [sign] digits], at most 19 significant digits) as the correctly
/// rounded double, the one <see cref="double.Parse(string)"/> returns, without the general parser's set-up. CSVs written
/// by pandas or R hold numbers to 17 significant digits; through the general parser, reading them was a quarter of a
/// 28-input record (mlp-28x64x32).
/// Where one correctly rounded operation on exact doubles gives the value (Clinger's fast path) it is used; otherwise the
/// Eisel–Lemire algorithm (Lemire, "Number Parsing at a Gigabyte per Second", 2021) multiplies the digits by a 128-bit
/// truncation of the power of ten's power of five, a product shown sufficient for every 19-digit decimal (Mushtak and
/// Lemire, "Fast Number Parsing Without Fallback", 2023). Any other text is left to the general parser.
/// </summary>
internal static class DecimalParser
{
    private const int MaxDigits = 19;
    private const int MantissaBits = 52;
    private const int InfinitePower = 0x7FF;

    private static readonly double[] ExactPowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    public static bool TryParse(string text, out double value)
    {
        if (TryParseShort(text, out value))
            return true;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            i = 1;
        }
        ulong digits = 0;
        int significant = 0, exponent = 0;
        bool anyDigit = false, point = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' && !point)
            {
                point = true;
                continue;
            }
            var d = (uint)(c - '0');
            if (d > 9)
                break;
            anyDigit = true;
            if (point)
                exponent--;
            // Leading zeros are not significant: "0.000123" has three significant digits.
            if (digits == 0 && d == 0)
                continue;
            if (significant == MaxDigits)
                return false;
            digits = digits * 10 + d;
            significant++;
        }
        if (!anyDigit)
            return false;
        if (i < text.Length)
        {
            if (text[i] is not ('e' or 'E') || ++i == text.Length)
                return false;
            var negativeExponent = text[i] == '-';
            if (text[i] is '-' or '+' && ++i == text.Length)
                return false;
            var written = 0;
            for (; i < text.Length; i++)
            {
                var d = (uint)(text[i] - '0');
                if (d > 9)
                    return false;
                // Beyond any double's range either way; the cap keeps the sum from overflowing.
                written = Math.Min(written * 10 + (int)d, 100_000);
            }
            exponent += negativeExponent ? -written : written;
        }
        var magnitude = digits == 0 ? 0.0 : Scale(digits, exponent);
        value = negative ? -magnitude : magnitude;
        return true;
    }

    /// <summary>
    /// Up to 15 characters of digits with at most one point, most numbers a CSV holds: the digits stay below 2^53 and the
    /// power of ten is exact, so one division is the correctly rounded value (Clinger's fast path, as <see cref="Scale"/>
    /// takes it), read without the general loop's signs, exponents and digit counts.
    /// </summary>
    private static bool TryParseShort(string text, out double value)
    {
        value = 0;
        if (text.Length is 0 or > 15)
            return false;
        ulong digits = 0;
        var point = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var d = (uint)(text[i] - '0');
            if (d <= 9)
                digits = digits * 10 + d;
            else if (text[i] == '.' && point < 0)
                point = i;
            else
                return false;
        }
        if (point < 0)
        {
            value = digits;
            return true;
        }
        // "." alone has no digit.
        if (text.Length == 1)
            return false;
        value = digits / ExactPowersOfTen[text.Length - 1 - point];
        return true;
    }

    /// <summary>
    /// digits × 10^exponent, correctly rounded; <paramref name="digits"/> is not zero. Inlined, so that the usual short
    /// decimal costs one division.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Scale(ulong digits, int exponent) =>
        // Both operands exact, so the one rounding is the only one.
        digits <= 1UL << 53 && exponent is >= -22 and <= 22
            ? exponent < 0 ? digits / ExactPowersOfTen[-exponent] : digits * ExactPowersOfTen[exponent]
            : ScaleWide(digits, exponent);

    private static double ScaleWide(ulong digits, int exponent)
    {
        if (exponent < PowersOfFive.Smallest)
            return 0.0; // below 10^19 × 10^−343, under half the smallest subnormal
        if (exponent > PowersOfFive.Largest)
            return double.PositiveInfinity;

        var leadingZeros = BitOperations.LeadingZeroCount(digits);
        var w = digits << leadingZeros;
        var powers = PowersOfFive.Table;
        var index = 2 * (exponent - PowersOfFive.Smallest);
        var high = Math.BigMul(w, powers[index], out var low);
        // 55 bits are needed (52 stored, the implicit one, a rounding bit, one lost to normalisation); only when the
        // bits below them are all ones can the table's low word carry into them.
        if ((high & 0x1FF) == 0x1FF)
        {
            var carry = Math.BigMul(w, powers[index + 1], out _);
            low += carry;
            if (carry > low)
                high++;
        }
        var upperBit = (int)(high >> 63);
        var shift = upperBit + 64 - MantissaBits - 3;
        var mantissa = high >> shift;
        // floor(log2(10^exponent)) + 63, from 217706 / 2^16 ≈ log2(10), exact over the table's range.
        var power = (217706 * exponent >> 16) + 63 + upperBit - leadingZeros + 1023;
        if (power <= 0)
        {
            // Subnormal: no ties occur this far from 1, so rounding up at the last kept bit is rounding to nearest.
            if (-power + 1 >= 64)
                return 0.0;
            mantissa >>= -power + 1;
            mantissa += mantissa & 1;
            mantissa >>= 1;
            // A carry into bit 52 is the smallest normal number's exponent field: the bits are the double either way.
            return BitConverter.UInt64BitsToDouble(mantissa);
        }
        // An exact tie (only possible while 5^|exponent| fits in 64 bits) rounds to even: drop the rounding bit's carry.
        if (low <= 1 && exponent is >= -4 and <= 23 && (mantissa & 3) == 1 && mantissa << shift == high)
            mantissa &= ~1UL;
        mantissa += mantissa & 1;
        mantissa >>= 1;
        if (mantissa >= 2UL << MantissaBits)
        {
            mantissa = 1UL << MantissaBits;
            power++;
        }
        if (power >= InfinitePower)
            return double.PositiveInfinity;
        return BitConverter.UInt64BitsToDouble((ulong)power << MantissaBits | (mantissa & ~(1UL << MantissaBits)));
    }
}
