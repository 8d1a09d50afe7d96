using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>State shared while one document is planned: the slot table, user functions and the problems found.</summary>
internal sealed class PlanningContext(PmmlDocument document)
{
    public PmmlDocument Document { get; } = document;
    public List<SlotDefinition> Slots { get; } = [];
    public Diagnostics Diagnostics { get; } = new();
    public Dictionary<string, UserFunction> Functions { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, DataField> DataFields { get; } = document.DataDictionary.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public int Add(SlotDefinition slot)
    {
        slot.Index = Slots.Count;
        Slots.Add(slot);
        return slot.Index;
    }

    public void Error(MarkupProblemKind kind, string message, SourceLocation location) => Diagnostics.Report(kind, message, location);

    public int Resolve(Scope scope, string name, SourceLocation location, string what = "field")
    {
        if (scope.TryResolve(name, out var slot))
            return slot;
        Error(MarkupProblemKind.InvalidAttribute, $"{what} '{name}' is not defined in this scope", location);
        return -1;
    }

    public DataType TypeOf(int slot) => slot < 0 ? DataType.String : Slots[slot].DataType;

    /// <summary>Reads a constant from the document as the type of the field it is compared with.</summary>
    public Value Parse(string? text, DataType type, SourceLocation location)
    {
        if (text is null)
            return Value.Missing;
        var value = ValueParser.Parse(text, type);
        if (value.IsInvalid)
        {
            Error(MarkupProblemKind.InvalidAttribute, $"'{text}' is not a valid {type} value", location);
            return Value.Missing;
        }
        // Producers write infinite split points (LightGBM's last bin), but a NaN constant compares false with everything.
        if (value.Kind == ValueKind.Number && double.IsNaN(value.Number))
        {
            Error(MarkupProblemKind.InvalidAttribute, $"'{text}' is not a number a model can compare with", location);
            return Value.Missing;
        }
        return value;
    }

    /// <summary>mapMissingTo and defaultValue: numbers when they read as numbers, text otherwise.</summary>
    public static Value Loose(string? text) =>
        text is null ? Value.Missing : ValueParser.TryParseDouble(text, out var d) ? Value.Of(d) : Value.Of(text);
}
