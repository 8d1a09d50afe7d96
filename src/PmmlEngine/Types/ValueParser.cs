using System.Globalization;

namespace PmmlEngine.Types;

/// <summary>Reads text and CLR objects as values of a PMML data type. Failures give <see cref="Value.Invalid"/>.</summary>
public static class ValueParser
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d"];
    private static readonly string[] TimeFormats = ["HH:mm:ss", "HH:mm:ss.FFFFFFF", "H:mm:ss", "HH:mm"];
    private static readonly string[] DateTimeFormats =
        ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"];

    public static bool TryParseDouble(string text, out double value)
    {
        if (DecimalParser.TryParse(text, out value))
            return true;
        var span = text.AsSpan().Trim();
        if (double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            return true;
        // Java and PMML producers spell the special values in several ways.
        switch (span)
        {
            case "INF" or "+INF" or "Inf" or "inf" or "+inf" or "Infinity" or "+Infinity":
                value = double.PositiveInfinity;
                return true;
            case "-INF" or "-Inf" or "-inf" or "-Infinity":
                value = double.NegativeInfinity;
                return true;
            case "NaN" or "nan":
                value = double.NaN;
                return true;
        }
        return false;
    }

    public static Value Parse(string text, DataType type)
    {
        switch (type)
        {
            case DataType.String:
                return Value.Of(text);
            case DataType.Double:
                return TryParseDouble(text, out var d) ? Value.Of(d) : Value.Invalid;
            case DataType.Float:
                return TryParseDouble(text, out var f) ? Value.Of((float)f) : Value.Invalid;
            case DataType.Integer:
                return TryParseInteger(text, out var i) ? Value.Of(i) : Value.Invalid;
            case DataType.Boolean:
                return TryParseBoolean(text, out var b) ? Value.Of(b) : Value.Invalid;
            case DataType.Date:
                return DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? Value.OfTemporal(date) : Value.Invalid;
            case DataType.Time:
                return DateTime.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.NoCurrentDateDefault, out var time)
                    ? Value.OfTemporal(time) : Value.Invalid;
            case DataType.DateTime:
                return DateTime.TryParseExact(text.Trim(), DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                    ? Value.OfTemporal(instant) : Value.Invalid;
            default:
                // The numeric date types accept either their number or a date/time literal.
                if (TryParseDouble(text, out var n))
                    return Value.Of(type == DataType.TimeSeconds || IsDays(type) ? Math.Floor(n) : n);
                var literal = Parse(text, IsDays(type) ? DataType.Date : type == DataType.TimeSeconds ? DataType.Time : DataType.DateTime);
                return literal.HasValue ? Convert(literal, type) : Value.Invalid;
        }
    }

    /// <summary>
    /// Converts a value to another data type (a DerivedField's, an OutputField's, a cast); the commonest case, a double
    /// already, returns at once and inlines.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Value Convert(Value value, DataType type) =>
        value.Kind == ValueKind.Number && type == DataType.Double ? value : ConvertOther(value, type);

    private static Value ConvertOther(Value value, DataType type)
    {
        if (!value.HasValue || value.Kind == ValueKind.Collection)
            return value;
        switch (type)
        {
            case DataType.String:
                return value.Kind == ValueKind.String ? value : Value.Of(value.ToString());
            case DataType.Double:
                if (value.Kind == ValueKind.Number) return value;
                return value.TryGetNumber(out var d) ? Value.Of(d) : Value.Invalid;
            case DataType.Float:
                return value.TryGetNumber(out var f) ? Value.Of((float)f) : Value.Invalid;
            case DataType.Integer:
                if (value.Kind == ValueKind.String)
                    return TryParseInteger((string)value.Payload!, out var parsed) ? Value.Of(parsed) : Value.Invalid;
                return value.TryGetNumber(out var i) ? Value.Of(Math.Truncate(i)) : Value.Invalid;
            case DataType.Boolean:
                if (value.Kind == ValueKind.Boolean) return value;
                if (value.Kind == ValueKind.String)
                    return TryParseBoolean((string)value.Payload!, out var b) ? Value.Of(b) : Value.Invalid;
                return value.TryGetNumber(out var n) ? Value.Of(n != 0) : Value.Invalid;
            case DataType.Date or DataType.Time or DataType.DateTime:
                if (value.Kind == ValueKind.Temporal) return value;
                return value.Kind == ValueKind.String ? Parse((string)value.Payload!, type) : Value.Invalid;
            default:
                if (value.Kind == ValueKind.Temporal)
                    return Value.Of(TemporalMath.ToNumber(value.Temporal, type));
                if (value.Kind == ValueKind.String)
                    return Parse((string)value.Payload!, type);
                return value.TryGetNumber(out var x) ? Value.Of(x) : Value.Invalid;
        }
    }

    /// <summary>Converts what a caller passed (string, number, bool, date) to a value of the field's type.</summary>
    public static Value FromObject(object? raw, DataType type) => raw switch
    {
        null => Value.Missing,
        Value v => Convert(v, type),
        string s => s.Length == 0 ? Value.Missing : Parse(s, type),
        double d => double.IsNaN(d) && type != DataType.String ? Value.Missing : Convert(Value.Of(d), type),
        float f => float.IsNaN(f) ? Value.Missing : Convert(Value.Of(f), type),
        int i => Convert(Value.Of(i), type),
        long l => Convert(Value.Of(l), type),
        short s16 => Convert(Value.Of(s16), type),
        byte b8 => Convert(Value.Of(b8), type),
        decimal m => Convert(Value.Of((double)m), type),
        bool b => Convert(Value.Of(b), type),
        DateTime t => Convert(Value.OfTemporal(t), type),
        DateOnly date => Convert(Value.OfTemporal(date.ToDateTime(TimeOnly.MinValue)), type),
        TimeOnly time => Convert(Value.OfTemporal(DateTime.MinValue + time.ToTimeSpan()), type),
        _ => Parse(System.Convert.ToString(raw, CultureInfo.InvariantCulture) ?? "", type),
    };

    private static bool IsDays(DataType type) =>
        type is DataType.DateDaysSince0 or DataType.DateDaysSince1960 or DataType.DateDaysSince1970 or DataType.DateDaysSince1980;

    /// <summary>Whether a number read from text is a value of an integer field: finite and whole.</summary>
    internal static bool IsInteger(double number) => double.IsFinite(number) && number == Math.Floor(number);

    private static bool TryParseInteger(string text, out double value)
    {
        var span = text.AsSpan().Trim();
        if (long.TryParse(span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
        {
            value = l;
            return true;
        }
        // "8.0" is an integer written by a producer that prints every number as a double; an integer has no negative zero.
        if (double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && IsInteger(value))
        {
            value += 0.0;
            return true;
        }
        value = 0;
        return false;
    }

    private static bool TryParseBoolean(string text, out bool value)
    {
        var span = text.AsSpan().Trim();
        if (span.Equals("true", StringComparison.OrdinalIgnoreCase) || span.SequenceEqual("1"))
        {
            value = true;
            return true;
        }
        if (span.Equals("false", StringComparison.OrdinalIgnoreCase) || span.SequenceEqual("0"))
        {
            value = false;
            return true;
        }
        value = false;
        return false;
    }
}
