using System.Globalization;
using System.Text;
using PmmlEngine.Types;

namespace PmmlEngine.Functions;

/// <summary>formatNumber(x, pattern): one C printf conversion (%d, %5.2f, %e, %g, %x, %o, %s) with flags and width.</summary>
internal static class NumberFormat
{
    public static Value Format(ReadOnlySpan<Value> args)
    {
        if (!args[0].TryGetNumber(out var x))
            return Value.Invalid;
        var pattern = args[1].String;
        var builder = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '%')
            {
                builder.Append(pattern[i]);
                continue;
            }
            if (i + 1 < pattern.Length && pattern[i + 1] == '%')
            {
                builder.Append('%');
                i++;
                continue;
            }
            var j = i + 1;
            var flags = "";
            while (j < pattern.Length && "-+ 0#".Contains(pattern[j], StringComparison.Ordinal)) flags += pattern[j++];
            var width = 0;
            while (j < pattern.Length && char.IsAsciiDigit(pattern[j])) width = width * 10 + (pattern[j++] - '0');
            int? precision = null;
            if (j < pattern.Length && pattern[j] == '.')
            {
                j++;
                var p = 0;
                while (j < pattern.Length && char.IsAsciiDigit(pattern[j])) p = p * 10 + (pattern[j++] - '0');
                precision = p;
            }
            while (j < pattern.Length && "hlLqjzt".Contains(pattern[j], StringComparison.Ordinal)) j++;
            if (j >= pattern.Length)
                return Value.Invalid;
            var text = Convert(x, pattern[j], flags, precision);
            if (text is null)
                return Value.Invalid;
            builder.Append(Pad(text, width, flags));
            i = j;
        }
        return Value.Of(builder.ToString());
    }

    private static string? Convert(double x, char conversion, string flags, int? precision)
    {
        var inv = CultureInfo.InvariantCulture;
        string body = conversion switch
        {
            'd' or 'i' or 'u' => Math.Truncate(x).ToString("0", inv),
            'f' or 'F' => x.ToString("F" + (precision ?? 6), inv),
            'e' or 'E' => Exponent(x, precision ?? 6, conversion),
            'g' or 'G' => General(x, precision ?? 6, conversion),
            'x' => ((long)x).ToString("x", inv),
            'X' => ((long)x).ToString("X", inv),
            'o' => System.Convert.ToString((long)x, 8),
            's' => ValueFormatter.FormatNumber(x),
            _ => "\0",
        };
        if (body == "\0")
            return null;
        if (x >= 0 && conversion is not ('s' or 'x' or 'X' or 'o'))
        {
            if (flags.Contains('+', StringComparison.Ordinal)) body = "+" + body;
            else if (flags.Contains(' ', StringComparison.Ordinal)) body = " " + body;
        }
        return body;
    }

    private static string Exponent(double x, int precision, char conversion)
    {
        // C prints at least two exponent digits: 1.500000e+00.
        var text = x.ToString((conversion == 'e' ? "0." + new string('0', precision) + "e+00" : "0." + new string('0', precision) + "E+00"), CultureInfo.InvariantCulture);
        return precision == 0 ? text.Replace(".", "", StringComparison.Ordinal) : text;
    }

    private static string General(double x, int precision, char conversion)
    {
        var p = precision == 0 ? 1 : precision;
        if (x == 0) return "0";
        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(x)));
        string text;
        if (exponent < -4 || exponent >= p)
        {
            text = Exponent(x, p - 1, conversion == 'g' ? 'e' : 'E');
            var e = text.IndexOfAny(['e', 'E']);
            var mantissa = text[..e];
            if (mantissa.Contains('.', StringComparison.Ordinal)) mantissa = mantissa.TrimEnd('0').TrimEnd('.');
            return mantissa + text[e..];
        }
        text = x.ToString("F" + Math.Max(0, p - 1 - exponent), CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    private static string Pad(string text, int width, string flags)
    {
        if (text.Length >= width) return text;
        if (flags.Contains('-', StringComparison.Ordinal)) return text.PadRight(width);
        if (flags.Contains('0', StringComparison.Ordinal))
        {
            var sign = text.Length > 0 && (text[0] is '-' or '+' or ' ') ? text[..1] : "";
            return sign + text[sign.Length..].PadLeft(width - sign.Length, '0');
        }
        return text.PadLeft(width);
    }
}
