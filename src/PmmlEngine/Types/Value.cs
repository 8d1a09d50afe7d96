using System.Globalization;

namespace PmmlEngine.Types;

/// <summary>
/// One field value inside the engine. Numbers of every numeric PMML type are held as <see cref="double"/>
/// (float fields are rounded to float precision when they are read), so arithmetic never boxes.
/// </summary>
public readonly struct Value : IEquatable<Value>
{
    private Value(ValueKind kind, double number, object? payload, int category = 0)
    {
        Kind = kind;
        Number = number;
        Payload = payload;
        Category = category;
    }

    public static readonly Value Missing = default;
    public static readonly Value Invalid = new(ValueKind.Invalid, double.NaN, null);
    public static readonly Value True = new(ValueKind.Boolean, 1, null);
    public static readonly Value False = new(ValueKind.Boolean, 0, null);

    public ValueKind Kind { get; }

    /// <summary>The number, or 1/0 for booleans.</summary>
    public double Number { get; }

    /// <summary>The string, the boxed <see cref="DateTime"/> or the collection, by <see cref="Kind"/>.</summary>
    public object? Payload { get; }

    /// <summary>
    /// For one of a categorical field's valid values, read from its declared text as that field's own value: its position
    /// in the field's valid values, plus one; otherwise 0. Lets domain checks and category codes find the value by
    /// position instead of hashing it. It takes the padding after <see cref="Kind"/>, so values stay 24 bytes, and plays
    /// no part in equality.
    /// </summary>
    internal int Category { get; }

    public bool IsMissing => Kind == ValueKind.Missing;
    public bool IsInvalid => Kind == ValueKind.Invalid;
    public bool HasValue => Kind > ValueKind.Invalid;
    public bool IsNumeric => Kind is ValueKind.Number or ValueKind.Boolean;

    public static Value Of(double number) => new(ValueKind.Number, number, null);
    public static Value Of(bool flag) => flag ? True : False;
    public static Value Of(string text) => new(ValueKind.String, double.NaN, text);
    internal Value AtPosition(int position) => new(Kind, Number, Payload, position + 1);
    public static Value OfTemporal(DateTime instant) => new(ValueKind.Temporal, double.NaN, instant);
    /// <summary>A value that could not be read as its field's type; keeps the text for error messages.</summary>
    public static Value InvalidText(string text) => new(ValueKind.Invalid, double.NaN, text);

    public static Value OfCollection(IReadOnlyList<Value> items) => new(ValueKind.Collection, double.NaN, items);

    public string String => Payload as string ?? ToString();
    public DateTime Temporal => (DateTime)Payload!;
    public bool Bool => Number != 0;

    /// <summary>The value as a number; strings that hold numbers are parsed (PMML compares "1" and 1 as equal).</summary>
    public bool TryGetNumber(out double number)
    {
        switch (Kind)
        {
            case ValueKind.Number:
            case ValueKind.Boolean:
                number = Number;
                return true;
            case ValueKind.String:
                return ValueParser.TryParseDouble((string)Payload!, out number);
            default:
                number = double.NaN;
                return false;
        }
    }

    public bool Equals(Value other)
    {
        if (Kind != other.Kind)
        {
            if (IsNumeric && other.Kind == ValueKind.String || Kind == ValueKind.String && other.IsNumeric)
                return TryGetNumber(out var a) && other.TryGetNumber(out var b) && a == b;
            return false;
        }
        return Kind switch
        {
            ValueKind.Number or ValueKind.Boolean => Number == other.Number,
            ValueKind.String => string.Equals((string)Payload!, (string)other.Payload!, StringComparison.Ordinal),
            ValueKind.Temporal => Temporal == other.Temporal,
            ValueKind.Collection => ReferenceEquals(Payload, other.Payload),
            _ => true,
        };
    }

    /// <summary>Orders two present values of comparable kinds; strings ordinally.</summary>
    public int CompareTo(Value other)
    {
        if (Kind == ValueKind.String && other.Kind == ValueKind.String)
            return string.CompareOrdinal((string)Payload!, (string)other.Payload!);
        if (Kind == ValueKind.Temporal && other.Kind == ValueKind.Temporal)
            return Temporal.CompareTo(other.Temporal);
        if (TryGetNumber(out var a) && other.TryGetNumber(out var b))
            return a.CompareTo(b);
        return string.CompareOrdinal(ToString(), other.ToString());
    }

    public override bool Equals(object? obj) => obj is Value v && Equals(v);

    public override int GetHashCode() => Kind switch
    {
        ValueKind.Number or ValueKind.Boolean => Number.GetHashCode(),
        ValueKind.String => ValueParser.TryParseDouble((string)Payload!, out var d) ? d.GetHashCode() : StringComparer.Ordinal.GetHashCode((string)Payload!),
        ValueKind.Temporal => Temporal.GetHashCode(),
        _ => (int)Kind,
    };

    public static bool operator ==(Value left, Value right) => left.Equals(right);
    public static bool operator !=(Value left, Value right) => !left.Equals(right);

    public override string ToString() => Kind switch
    {
        ValueKind.Missing => "",
        ValueKind.Invalid => Payload as string ?? "<invalid>",
        ValueKind.Number => ValueFormatter.FormatNumber(Number),
        ValueKind.Boolean => Number != 0 ? "true" : "false",
        ValueKind.String => (string)Payload!,
        ValueKind.Temporal => Temporal.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        ValueKind.Collection => "[" + string.Join(", ", (IReadOnlyList<Value>)Payload!) + "]",
        _ => "",
    };
}
