using System.Globalization;

namespace PmmlEngine.Types;

/// <summary>Writes values as text: numbers in their shortest round-trip form, floats at float precision.</summary>
public static class ValueFormatter
{
    public static string FormatNumber(double number)
    {
        if (double.IsNaN(number)) return "NaN";
        if (double.IsPositiveInfinity(number)) return "Infinity";
        if (double.IsNegativeInfinity(number)) return "-Infinity";
        return number.ToString("R", CultureInfo.InvariantCulture);
    }

    public static string Format(object? clr) => clr switch
    {
        null => "",
        double d => FormatNumber(d),
        float f => float.IsNaN(f) ? "NaN" : float.IsInfinity(f) ? (f > 0 ? "Infinity" : "-Infinity") : f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime t => t.TimeOfDay == TimeSpan.Zero
            ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e and not string => "[" + string.Join(", ", e.Cast<object?>().Select(Format)) + "]",
        _ => clr.ToString() ?? "",
    };

    /// <summary>The CLR value a caller receives for a value of the given data type.</summary>
    public static object? ToClr(Value value, DataType type)
    {
        if (!value.HasValue)
            return null;
        if (value.Kind == ValueKind.Collection)
            return ((IReadOnlyList<Value>)value.Payload!).Select(v => ToClr(v, type)).ToArray();
        var converted = ValueParser.Convert(value, type);
        if (!converted.HasValue)
            return value.ToString();
        return type switch
        {
            DataType.String => converted.String,
            DataType.Integer => (long)converted.Number,
            DataType.Float => (float)converted.Number,
            DataType.Boolean => converted.Bool,
            DataType.Date or DataType.Time or DataType.DateTime => converted.Temporal,
            _ => converted.Number,
        };
    }
}
