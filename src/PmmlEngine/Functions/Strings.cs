using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using PmmlEngine.Types;

namespace PmmlEngine.Functions;

internal static class Strings
{
    // Patterns are almost always constants; compile each once.
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public static Regex Pattern(string pattern) =>
        Patterns.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    public static Value Upper(ReadOnlySpan<Value> args) => Value.Of(args[0].String.ToUpperInvariant());
    public static Value Lower(ReadOnlySpan<Value> args) => Value.Of(args[0].String.ToLowerInvariant());
    public static Value Length(ReadOnlySpan<Value> args) => Value.Of(args[0].String.Length);
    public static Value Trim(ReadOnlySpan<Value> args) => Value.Of(args[0].String.Trim());

    /// <summary>substring(s, startPos, length) with a 1-based start, clipped to the string.</summary>
    public static Value Substring(ReadOnlySpan<Value> args)
    {
        var s = args[0].String;
        if (!args[1].TryGetNumber(out var startPos) || !args[2].TryGetNumber(out var length) || startPos < 1 || length < 0)
            return Value.Invalid;
        var start = (int)Math.Min(startPos - 1, s.Length);
        var count = (int)Math.Min(length, s.Length - start);
        return Value.Of(s.Substring(start, count));
    }

    public static Value Concat(ReadOnlySpan<Value> args)
    {
        var builder = new StringBuilder();
        foreach (var a in args)
            if (a.HasValue)
                builder.Append(a.ToString());
        return Value.Of(builder.ToString());
    }

    public static Value Replace(ReadOnlySpan<Value> args) =>
        Value.Of(Pattern(args[1].String).Replace(args[0].String, args[2].String));

    public static Value Matches(ReadOnlySpan<Value> args) => Value.Of(Pattern(args[1].String).IsMatch(args[0].String));
}
