using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// Codes of the strings a slot may hold, found without hashing when the value is one of its input field's own valid
/// strings: such a value carries its position (<see cref="Value.Category"/>), and a table by position answers after
/// checking it is that very string. Any other string is looked up by its text. Immutable, so scoring threads share it.
/// </summary>
internal sealed class CategoryCodes
{
    private readonly IReadOnlyDictionary<string, int> _codes;
    // The input field's valid strings by position (empty when the slot reads no such field), and their codes.
    private readonly string?[] _texts;
    private readonly int[] _byPosition;

    private CategoryCodes(IReadOnlyDictionary<string, int> codes, string?[] texts)
    {
        _codes = codes;
        _texts = texts;
        _byPosition = texts.Select(t => t is not null && codes.TryGetValue(t, out var code) ? code : -1).ToArray();
    }

    /// <summary>The table for a slot; <paramref name="codes"/> must not change while the table is in use.</summary>
    public static CategoryCodes For(DocumentPlan document, int slot, IReadOnlyDictionary<string, int> codes)
    {
        // A prepared slot and a copy pass the input's value on; other slots make their own strings.
        while (true)
        {
            switch (document.Slots[slot])
            {
                case PreparedSlot prepared:
                    slot = prepared.Source;
                    continue;
                case DerivedSlot { CopyOf: >= 0 and var source }:
                    slot = source;
                    continue;
                case InputSlot input:
                    return new CategoryCodes(codes, input.Domain.ValidValues.Select(v => v.Payload as string).ToArray());
            }
            return new CategoryCodes(codes, []);
        }
    }

    /// <summary>The code of a string value; -1 for a string without one and for any other value.</summary>
    public int Find(Value value)
    {
        if (value.Kind != ValueKind.String)
            return -1;
        var position = value.Category - 1;
        if ((uint)position < (uint)_texts.Length && ReferenceEquals(_texts[position], value.Payload))
            return _byPosition[position];
        return _codes.TryGetValue((string)value.Payload!, out var code) ? code : -1;
    }
}
