using System.Globalization;
using System.Text;
using PmmlEngine.Types;

namespace PmmlEngine.Functions;

internal static class Dates
{
    public static Value DaysSinceYear(ReadOnlySpan<Value> args) =>
        TryInstant(args[0], out var t) && args[1].TryGetNumber(out var year) ? Value.Of(TemporalMath.DaysSinceYear(t, (int)year)) : Value.Invalid;

    public static Value SecondsSinceYear(ReadOnlySpan<Value> args) =>
        TryInstant(args[0], out var t) && args[1].TryGetNumber(out var year) ? Value.Of(TemporalMath.SecondsSinceYear(t, (int)year)) : Value.Invalid;

    public static Value SecondsSinceMidnight(ReadOnlySpan<Value> args) =>
        TryInstant(args[0], out var t) ? Value.Of(TemporalMath.SecondsSinceMidnight(t)) : Value.Invalid;

    /// <summary>formatDatetime(value, pattern): the pattern uses POSIX strftime conversions (%Y-%m-%d ...).</summary>
    public static Value Format(ReadOnlySpan<Value> args)
    {
        if (!TryInstant(args[0], out var t))
            return Value.Invalid;
        var pattern = args[1].String;
        var builder = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '%' || i + 1 == pattern.Length)
            {
                builder.Append(pattern[i]);
                continue;
            }
            var c = pattern[++i];
            builder.Append(c switch
            {
                'Y' => t.ToString("yyyy", CultureInfo.InvariantCulture),
                'y' => t.ToString("yy", CultureInfo.InvariantCulture),
                'm' => t.ToString("MM", CultureInfo.InvariantCulture),
                'd' => t.ToString("dd", CultureInfo.InvariantCulture),
                'e' => t.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2),
                'H' => t.ToString("HH", CultureInfo.InvariantCulture),
                'I' => t.ToString("hh", CultureInfo.InvariantCulture),
                'M' => t.ToString("mm", CultureInfo.InvariantCulture),
                'S' => t.ToString("ss", CultureInfo.InvariantCulture),
                'p' => t.Hour < 12 ? "AM" : "PM",
                'b' or 'h' => t.ToString("MMM", CultureInfo.InvariantCulture),
                'B' => t.ToString("MMMM", CultureInfo.InvariantCulture),
                'a' => t.ToString("ddd", CultureInfo.InvariantCulture),
                'A' => t.ToString("dddd", CultureInfo.InvariantCulture),
                'j' => t.DayOfYear.ToString("000", CultureInfo.InvariantCulture),
                '%' => "%",
                _ => "%" + c,
            });
        }
        return Value.Of(builder.ToString());
    }

    private static bool TryInstant(Value value, out DateTime instant)
    {
        if (value.Kind == ValueKind.Temporal)
        {
            instant = value.Temporal;
            return true;
        }
        if (value.Kind == ValueKind.String)
        {
            var parsed = ValueParser.Parse(value.String, DataType.DateTime);
            if (!parsed.HasValue)
                parsed = ValueParser.Parse(value.String, DataType.Time);
            if (parsed.HasValue)
            {
                instant = parsed.Temporal;
                return true;
            }
        }
        instant = default;
        return false;
    }
}
