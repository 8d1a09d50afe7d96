using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A DataField value supplied by the caller, converted to the field's data type at the boundary.</summary>
public sealed class InputSlot : SlotDefinition
{
    // A number field whose valid values and missing markers are no plain decimals ("NaN" is none) reads a plain decimal
    // straight to the value the general path gives it: such text is most records' whole conversion, and the general
    // path's steps were half its cost.
    private readonly bool _plainNumber;

    // A field whose valid values are whole numbers close together (XGBoost's integer categories): each number's position,
    // from the lowest, so that a number given as such finds its valid value without hashing.
    private readonly int[]? _numberPositions;
    private readonly int _lowestNumber;

    public InputSlot(DataField field) : base(field.Name, field.DataType, field.OpType)
    {
        Field = field;
        Domain = new FieldDomain(field);
        _plainNumber = DataType is DataType.Double or DataType.Float or DataType.Integer
            && !Domain.HasValidTexts && !Domain.MissingTexts.Any(marker => DecimalParser.TryParse(marker, out _));
        (_numberPositions, _lowestNumber) = NumberPositions();
    }

    // Whole numbers within ±2^24 (exact as floats too), spanning at most this many: a table of 16 KB at most.
    private const int MaxNumberSpan = 4096;

    // Plain loops: LINQ over values would be generic code over a struct that the ReadyToRun image does not hold, compiled
    // when each process loads its first model.
    private (int[]?, int) NumberPositions()
    {
        var count = Domain.ValidValues.Count;
        if (count == 0)
            return (null, 0);
        double lowest = double.PositiveInfinity, highest = double.NegativeInfinity;
        for (var p = 0; p < count; p++)
        {
            var v = Domain.ValidValueAt(p);
            if (v.Kind != ValueKind.Number || !(Math.Abs(v.Number) <= 1 << 24) || v.Number != Math.Floor(v.Number))
                return (null, 0);
            lowest = Math.Min(lowest, v.Number);
            highest = Math.Max(highest, v.Number);
        }
        if (highest - lowest >= MaxNumberSpan)
            return (null, 0);
        var positions = new int[(int)(highest - lowest) + 1];
        for (var k = 0; k < positions.Length; k++)
            positions[k] = -1;
        for (var p = count - 1; p >= 0; p--)
        {
            // Only where the number converts to that very valid value, as it does when set as a number.
            var value = Domain.ValidValueAt(p);
            var n = (int)value.Number;
            if (ValueParser.Convert(Value.Of(n), DataType).Equals(value))
                positions[n - (int)lowest] = p;
        }
        return (positions, (int)lowest);
    }

    /// <summary>
    /// The position of the valid value the number <paramref name="x"/> converts to, where the field's valid values are
    /// whole numbers close together; -1 for any other number (a fraction, −0, one outside the table) or field.
    /// </summary>
    internal int PositionOfNumber(double x)
    {
        if (_numberPositions is not { } positions)
            return -1;
        var k = x - _lowestNumber;
        return k >= 0 && k < positions.Length && k == Math.Floor(k) && !(x == 0 && double.IsNegative(x)) ? positions[(int)k] : -1;
    }

    public DataField Field { get; }
    public FieldDomain Domain { get; }

    /// <summary>Reads a caller's value: null, empty and declared missing markers are missing; unreadable values invalid.</summary>
    public Value Convert(object? raw)
    {
        if (raw is null)
            return Value.Missing;
        if (raw is string text)
            return Convert(text);
        // A transaction (association rules) arrives as a collection of items, each read as the field's type.
        if (raw is System.Collections.IEnumerable items)
            return Value.OfCollection(items.Cast<object?>().Select(Convert).Where(v => !v.IsMissing).ToArray());
        return ValueParser.FromObject(raw, DataType);
    }

    /// <summary><see cref="Read"/>: the text is neither a plain number nor a declared category; convert it in full.</summary>
    internal const int NotRead = -2;

    /// <summary><see cref="Read"/>: the text is a plain number, converted to the field's type.</summary>
    internal const int ReadNumber = -1;

    /// <summary>
    /// The usual texts without making a value of them: a plain decimal of a number field (<see cref="ReadNumber"/>, the
    /// number its value holds), or a categorical field's declared text that is no missing marker (the position of its
    /// valid value); <see cref="NotRead"/> for any other text, which <see cref="Convert(string)"/> reads in full.
    /// </summary>
    internal int Read(string? text, out double number)
    {
        number = 0;
        if (text is not { Length: > 0 })
            return NotRead;
        if (_plainNumber)
        {
            if (!DecimalParser.TryParse(text, out number))
                return NotRead;
            if (DataType == DataType.Float)
                number = (float)number;
            else if (DataType == DataType.Integer)
            {
                if (!ValueParser.IsInteger(number))
                    return NotRead;
                number += 0.0;
            }
            return ReadNumber;
        }
        if (Domain.HasMissingValues && Domain.MissingTexts.Contains(text))
            return NotRead;
        return Domain.PositionOfText(text) is var position and >= 0 ? position : NotRead;
    }

    /// <summary>Reads text as the field's type: null, empty and declared missing markers are missing; unreadable text invalid.</summary>
    public Value Convert(string? text) => Read(text, out var number) switch
    {
        ReadNumber => Value.Of(number),
        >= 0 and var position => Domain.ValidValueAt(position),
        _ => ConvertUnread(text),
    };

    /// <summary>What <see cref="Convert(string)"/> makes of text <see cref="Read"/> did not read.</summary>
    internal Value ConvertUnread(string? text)
    {
        if (string.IsNullOrEmpty(text) || Domain.HasMissingValues && Domain.MissingTexts.Contains(text))
            return Value.Missing;
        var value = ValueParser.Parse(text, DataType);
        return value.IsInvalid ? Value.InvalidText(text) : value;
    }
}
