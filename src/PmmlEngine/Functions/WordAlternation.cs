using System.Text;

namespace PmmlEngine.Functions;

/// <summary>
/// A normalisation row of the form <c>\b(w1|w2|…)\b</c> whose words are ASCII word characters and whose replacement
/// holds none (sklearn2pmml writes its stop-word list so). On an ASCII text such a regex replaces exactly the maximal
/// runs of word characters that equal one of the words, and the result is already its own fixed point (the
/// replacement cannot make new words), so one pass with a set lookup per run gives what the regex loop gives.
/// </summary>
internal sealed class WordAlternation
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly string _replacement;

    private WordAlternation(IEnumerable<string> words, string replacement, bool caseSensitive)
    {
        _words = new HashSet<string>(words, caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _replacement = replacement;
    }

    /// <param name="pattern">The row's pattern, in .NET syntax.</param>
    /// <param name="replacement">The row's replacement, in .NET syntax.</param>
    /// <param name="caseSensitive">Whether the row matches case-sensitively.</param>
    public static WordAlternation? TryCreate(string pattern, string replacement, bool caseSensitive)
    {
        if (!pattern.StartsWith(@"\b(", StringComparison.Ordinal) || !pattern.EndsWith(@")\b", StringComparison.Ordinal))
            return null;
        var words = pattern[3..^3].Split('|');
        if (words.Any(w => w.Length == 0 || !w.All(IsWord)) || replacement.Any(c => !char.IsAscii(c) || IsWord(c) || c == '$'))
            return null;
        return new WordAlternation(words, replacement, caseSensitive);
    }

    /// <summary>The text with every listed word replaced, or null when the text is not ASCII (the regex decides then:
    /// Unicode case and word rules are its own).</summary>
    public string? TryReplace(string text)
    {
        if (!Ascii.IsValid(text))
            return null;
        StringBuilder? result = null;
        var copied = 0;
        for (var i = 0; i < text.Length;)
        {
            if (!IsWord(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && IsWord(text[i]))
                i++;
            if (_words.Contains(text.AsSpan(start, i - start)))
            {
                result ??= new StringBuilder(text.Length);
                result.Append(text, copied, start - copied).Append(_replacement);
                copied = i;
            }
        }
        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsWord(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
