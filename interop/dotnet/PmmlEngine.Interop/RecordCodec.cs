using System.Globalization;
using System.Runtime.CompilerServices;
using PmmlEngine.Evaluation;

namespace PmmlEngine.Interop;

/// <summary>
/// The single-record wire format shared with the Java side (RecordCodec.java), in native byte order, unaligned.
/// Inputs, in input field order: a tag byte, then 0 missing · 1 double (8 bytes) · 2 text (int32 count, UTF-16 units)
/// · 3 boolean (1 byte) · 7 collection (int32 count, then that many inputs; a transaction or sequence) · 8 category
/// (int32 position in the field's declared values; top level only). Results, in result order, are written over the inputs: 0 missing · 1 double · 2 text ·
/// 3 boolean · 4 float (4 bytes) · 5 integer (int64) · 6 temporal (text, yyyy-MM-ddTHH:mm:ss.fffffff) · 7 collection
/// (int32 count, then that many results).
/// </summary>
internal static unsafe class RecordCodec
{
    public const byte Missing = 0, Double = 1, Text = 2, Boolean = 3, Float = 4, Integer = 5, Temporal = 6, Collection = 7, Category = 8;

    /// <summary>Sets every input of the scorer from the buffer; false when the buffer does not hold exactly that.</summary>
    public static bool ReadInputs(RowScorer scorer, int count, byte* buffer, int length)
    {
        var position = 0;
        for (var i = 0; i < count; i++)
        {
            if (position >= length)
                return false;
            switch (buffer[position++])
            {
                case Missing:
                    scorer.SetMissing(i);
                    break;
                case Double when length - position >= 8:
                    scorer.SetInput(i, Unsafe.ReadUnaligned<double>(buffer + position));
                    position += 8;
                    break;
                case Text when length - position >= 4:
                    var units = Unsafe.ReadUnaligned<int>(buffer + position);
                    position += 4;
                    if (units < 0 || (length - position) / 2 < units)
                        return false;
                    scorer.SetInput(i, new string((char*)(buffer + position), 0, units));
                    position += 2 * units;
                    break;
                case Category when length - position >= 4:
                    scorer.SetCategory(i, Unsafe.ReadUnaligned<int>(buffer + position));
                    position += 4;
                    break;
                case Boolean when length - position >= 1:
                    scorer.SetInput(i, (object)(buffer[position++] != 0));
                    break;
                case Collection:
                    position--;
                    if (!TryReadItem(buffer, length, ref position, depth: 0, out var items))
                        return false;
                    scorer.SetInput(i, items);
                    break;
                default:
                    return false;
            }
        }
        return position == length;
    }

    /// <summary>The deepest nesting a collection input may have (a sequence of transactions is two).</summary>
    private const int MaxDepth = 8;

    /// <summary>Reads one item of a collection input: missing, double, text, boolean or a nested collection.</summary>
    private static bool TryReadItem(byte* buffer, int length, ref int position, int depth, out object? item)
    {
        item = null;
        if (position >= length)
            return false;
        switch (buffer[position++])
        {
            case Missing:
                return true;
            case Double when length - position >= 8:
                item = Unsafe.ReadUnaligned<double>(buffer + position);
                position += 8;
                return true;
            case Text when length - position >= 4:
                var units = Unsafe.ReadUnaligned<int>(buffer + position);
                position += 4;
                if (units < 0 || (length - position) / 2 < units)
                    return false;
                item = new string((char*)(buffer + position), 0, units);
                position += 2 * units;
                return true;
            case Boolean when length - position >= 1:
                item = buffer[position++] != 0;
                return true;
            case Collection when length - position >= 4 && depth < MaxDepth:
                var count = Unsafe.ReadUnaligned<int>(buffer + position);
                position += 4;
                // Each item takes at least its tag byte, so a count beyond the bytes left is malformed.
                if (count < 0 || count > length - position)
                    return false;
                var items = new object?[count];
                for (var k = 0; k < count; k++)
                    if (!TryReadItem(buffer, length, ref position, depth + 1, out items[k]))
                        return false;
                item = items;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The bytes <see cref="Write"/> needs for these results.</summary>
    public static int Measure(object?[] values)
    {
        var bytes = 0;
        foreach (var value in values)
            bytes += Measure(value);
        return bytes;
    }

    private static int Measure(object? value) => value switch
    {
        null => 1,
        double or long => 9,
        float => 5,
        bool => 2,
        string s => 5 + 2 * s.Length,
        DateTime t => 5 + 2 * FormatTemporal(t).Length,
        object?[] items => 5 + Measure(items),
        _ => 5 + 2 * Types.ValueFormatter.Format(value).Length,
    };

    /// <summary>Writes the results; the buffer holds at least <see cref="Measure(object?[])"/> bytes.</summary>
    public static int Write(object?[] values, byte* buffer)
    {
        var position = 0;
        foreach (var value in values)
            position = Write(value, buffer, position);
        return position;
    }

    private static int Write(object? value, byte* buffer, int position)
    {
        switch (value)
        {
            case null:
                buffer[position++] = Missing;
                return position;
            case double d:
                buffer[position++] = Double;
                Unsafe.WriteUnaligned(buffer + position, d);
                return position + 8;
            case long l:
                buffer[position++] = Integer;
                Unsafe.WriteUnaligned(buffer + position, l);
                return position + 8;
            case float f:
                buffer[position++] = Float;
                Unsafe.WriteUnaligned(buffer + position, f);
                return position + 4;
            case bool b:
                buffer[position++] = Boolean;
                buffer[position++] = b ? (byte)1 : (byte)0;
                return position;
            case string s:
                return WriteText(Text, s, buffer, position);
            case DateTime t:
                return WriteText(Temporal, FormatTemporal(t), buffer, position);
            case object?[] items:
                buffer[position++] = Collection;
                Unsafe.WriteUnaligned(buffer + position, items.Length);
                position += 4;
                foreach (var item in items)
                    position = Write(item, buffer, position);
                return position;
            default:
                return WriteText(Text, Types.ValueFormatter.Format(value), buffer, position);
        }
    }

    private static int WriteText(byte tag, string text, byte* buffer, int position)
    {
        buffer[position++] = tag;
        Unsafe.WriteUnaligned(buffer + position, text.Length);
        position += 4;
        text.AsSpan().CopyTo(new Span<char>(buffer + position, text.Length));
        return position + 2 * text.Length;
    }

    private static string FormatTemporal(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
}
