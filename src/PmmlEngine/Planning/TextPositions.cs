using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PmmlEngine.Planning;

/// <summary>
/// A categorical field's declared texts and the positions of the values they read as. A few dozen texts, the usual
/// case, are found with one probe: a slot from the text's length and its first, middle and last characters, under a
/// multiplier chosen at load so that no two declared texts share a slot, then one ordinal comparison. Reading a record's
/// categories spent more time in the dictionary's hashing and probing than in the rest of the conversion; the
/// dictionary remains for texts no multiplier separates.
/// </summary>
internal sealed class TextPositions
{
    private const int MaxSlotBits = 10;
    private const int Attempts = 64;

    private readonly string?[] _texts = [];
    private readonly int[] _positions = [];
    private readonly ulong _multiplier;
    private readonly int _shift;
    private readonly Dictionary<string, int>? _dictionary;

    /// <param name="first">Each text's position (ordinal keys; the dictionary is kept for texts no multiplier separates).</param>
    public TextPositions(Dictionary<string, int> first)
    {
        // Four slots per text at least, so that some multiplier leaves every text alone in its slot; an empty text has
        // no characters to place it by.
        var firstBits = first.ContainsKey("") ? MaxSlotBits + 1 : Math.Max(2, (int)Math.Ceiling(Math.Log2(first.Count)) + 2);
        for (var bits = firstBits; bits <= MaxSlotBits; bits++)
        {
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                // Odd multipliers spread over the 64 bits (Fibonacci hashing's constant, stepped).
                var multiplier = 0x9E3779B97F4A7C15UL * (ulong)(2 * attempt + 1);
                var texts = new string?[1 << bits];
                var separated = true;
                foreach (var text in first.Keys)
                {
                    ref var slot = ref texts[Slot(text, multiplier, 64 - bits)];
                    if (slot is not null)
                    {
                        separated = false;
                        break;
                    }
                    slot = text;
                }
                if (!separated)
                    continue;
                _texts = texts;
                _positions = texts.Select(t => t is null ? -1 : first[t]).ToArray();
                _multiplier = multiplier;
                _shift = 64 - bits;
                return;
            }
        }
        _dictionary = first;
    }

    /// <summary>Whether texts are found by one probe rather than the dictionary.</summary>
    public bool IsProbed => _dictionary is null;

    public bool TryGetValue(string text, out int position)
    {
        if (_dictionary is not null)
        {
            if (_dictionary.TryGetValue(text, out position))
                return true;
        }
        else if (text.Length > 0)
        {
            var slot = Slot(text, _multiplier, _shift);
            if (_texts[slot] is { } declared && SameText(declared, text))
            {
                position = _positions[slot];
                return true;
            }
        }
        position = -1;
        return false;
    }

    public bool Contains(string text) => TryGetValue(text, out _);

    /// <summary>
    /// Ordinal equality, inlined for the short texts categories usually are: overlapping 4- or 8-byte loads cover 2 to 16
    /// characters, where a call to the framework's comparison cost as much as the comparing. Plain integer loads, so that
    /// ReadyToRun precompiles it and a first pass does not run it unoptimised.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SameText(string declared, string text)
    {
        var length = text.Length;
        if (declared.Length != length)
            return false;
        ref var a = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(declared.AsSpan()));
        ref var b = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(text.AsSpan()));
        var last = 2 * length - 8;
        return length switch
        {
            >= 2 and < 4 => Same32(ref a, ref b, 0) && Same32(ref a, ref b, last + 4),
            >= 4 and <= 8 => Same64(ref a, ref b, 0) && Same64(ref a, ref b, last),
            > 8 and <= 16 => Same64(ref a, ref b, 0) && Same64(ref a, ref b, 8) && Same64(ref a, ref b, last - 8) && Same64(ref a, ref b, last),
            _ => declared.AsSpan().SequenceEqual(text),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Same32(ref byte a, ref byte b, int at) =>
        Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref a, at)) == Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref b, at));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Same64(ref byte a, ref byte b, int at) =>
        Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref a, at)) == Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref b, at));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(string text, ulong multiplier, int shift)
    {
        var length = text.Length;
        var key = (uint)length | (ulong)text[0] << 16 | (ulong)text[length >> 1] << 32 | (ulong)text[length - 1] << 48;
        return (int)(key * multiplier >> shift);
    }
}
