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

    public InputSlot(DataField field) : base(field.Name, field.DataType, field.OpType)
    {
        Field = field;
        Domain = new FieldDomain(field);
        _plainNumber = DataType is DataType.Double or DataType.Float or DataType.Integer
            && !Domain.HasValidTexts && !Domain.MissingTexts.Any(marker => DecimalParser.TryParse(marker, out _));
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

    /// <summary>Reads text as the field's type: null, empty and declared missing markers are missing; unreadable text invalid.</summary>
    public Value Convert(string? text)
    {
        if (_plainNumber && text is { Length: > 0 } && DecimalParser.TryParse(text, out var number))
        {
            if (DataType == DataType.Double)
                return Value.Of(number);
            if (DataType == DataType.Float)
                return Value.Of((float)number);
            if (ValueParser.IsInteger(number))
                return Value.Of(number + 0.0);
        }
        if (string.IsNullOrEmpty(text) || Domain.HasMissingValues && Domain.MissingTexts.Contains(text))
            return Value.Missing;
        if (Domain.TryGetValid(text, out var valid))
            return valid;
        var value = ValueParser.Parse(text, DataType);
        return value.IsInvalid ? Value.InvalidText(text) : value;
    }
}
