using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A DataField value supplied by the caller, converted to the field's data type at the boundary.</summary>
public sealed class InputSlot(DataField field) : SlotDefinition(field.Name, field.DataType, field.OpType)
{
    public DataField Field { get; } = field;
    public FieldDomain Domain { get; } = new(field);

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
        if (string.IsNullOrEmpty(text) || Domain.HasMissingValues && Domain.MissingTexts.Contains(text))
            return Value.Missing;
        if (Domain.TryGetValid(text, out var valid))
            return valid;
        var value = ValueParser.Parse(text, DataType);
        return value.IsInvalid ? Value.InvalidText(text) : value;
    }
}
