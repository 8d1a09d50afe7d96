using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// Codes of the strings a slot may hold, found without hashing when the value is one of its input field's own valid
/// strings (<see cref="FieldDomain.PositionOf"/>): a table by position answers. Any other string is looked up by its
/// text. Immutable, so scoring threads share it.
/// </summary>
internal sealed class CategoryCodes
{
    private readonly IReadOnlyDictionary<string, int> _codes;
    // The input field the slot reads, if any, and the codes of its valid values by position.
    private readonly FieldDomain? _domain;
    private readonly int[] _byPosition;

    private CategoryCodes(IReadOnlyDictionary<string, int> codes, FieldDomain? domain)
    {
        _codes = codes;
        _domain = domain;
        // A loop: LINQ from values to numbers is generic code that is not precompiled, and every load JIT-compiled it.
        var byPosition = new int[domain?.ValidValues.Count ?? 0];
        for (var i = 0; i < byPosition.Length; i++)
            byPosition[i] = domain!.ValidValues[i].Payload is string t && codes.TryGetValue(t, out var code) ? code : -1;
        _byPosition = byPosition;
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
                    return new CategoryCodes(codes, input.Domain);
            }
            return new CategoryCodes(codes, null);
        }
    }

    /// <summary>The code of a string value; -1 for a string without one and for any other value.</summary>
    public int Find(Value value)
    {
        if (value.Kind != ValueKind.String)
            return -1;
        if (_domain?.PositionOf(value) is >= 0 and var position)
            return _byPosition[position];
        return _codes.TryGetValue((string)value.Payload!, out var code) ? code : -1;
    }
}
