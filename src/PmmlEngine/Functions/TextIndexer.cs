using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using PmmlEngine.Model;

namespace PmmlEngine.Functions;

/// <summary>
/// PMML 4.4 Text Indexing: normalises a text with the TextIndexNormalization tables, splits it into tokens and counts
/// the occurrences of a term's token sequence, weighted by localTermWeights.
/// </summary>
public sealed partial class TextIndexer
{
    private const int MaxRecursiveRounds = 100;

    private readonly TextIndexOptions _options;
    private readonly Replacement[] _replacements;
    private readonly Regex? _separator;
    private readonly Regex? _word;
    // The word pattern is "\w+", whose matches in ASCII text are its runs of letters, digits and underscores (AsciiWordRuns).
    private readonly bool _asciiWordRuns;
    private readonly ConcurrentDictionary<string, TermKey> _terms = new(StringComparer.Ordinal);
    // Many derived fields index the same document with different terms: tokenize it once per thread and text, and for
    // exact matching count each n-gram once, so every further term is one dictionary lookup.
    [ThreadStatic] private static DocumentState? t_document;

    public TextIndexer(TextIndexOptions options, IEnumerable<TextIndexNormalization> normalizations)
    {
        _options = options;
        var flags = RegexOptions.CultureInvariant | (options.IsCaseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase);
        var replacements = new List<Replacement>();
        foreach (var normalization in normalizations)
        {
            var local = RegexOptions.CultureInvariant | (normalization.Options.IsCaseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase);
            foreach (var row in normalization.Table.Rows)
            {
                if (!row.TryGetValue(normalization.InField, out var from))
                    continue;
                var to = row.GetValueOrDefault(normalization.OutField, "");
                var isRegex = row.TryGetValue(normalization.RegexField, out var r) && r.Trim() == "true";
                // A plain entry replaces whole words; a regex entry is used as written.
                var pattern = isRegex ? PythonRegex.ToDotNet(from) : @"(?<!\w)" + Regex.Escape(from) + @"(?!\w)";
                var replacement = isRegex ? to : to.Replace("$", "$$", StringComparison.Ordinal);
                // Compiled: every document runs through every normalisation, often several times (recursive tables).
                // Groups that neither the replacement nor a backreference reads need not be captured (sklearn2pmml's
                // stop-word alternation spent a third of its scoring time recording its one group).
                var captures = replacement.Contains('$', StringComparison.Ordinal) || Backreference().IsMatch(pattern)
                    ? RegexOptions.None : RegexOptions.ExplicitCapture;
                var words = isRegex ? WordAlternation.TryCreate(pattern, replacement, normalization.Options.IsCaseSensitive) : null;
                var regex = new Lazy<Regex>(() => new Regex(pattern, local | captures | RegexOptions.Compiled));
                // A row with the word-run path needs its regex only for non-ASCII texts (compiling a 300-word
                // alternation took tens of milliseconds of every load); any other row needs it now, and an invalid
                // pattern is reported at load.
                if (words is null)
                    _ = regex.Value;
                replacements.Add(new Replacement(regex, replacement, normalization.Recursive, words));
            }
        }
        _replacements = replacements.ToArray();
        if (options.WordRE is { } word)
        {
            _word = new Regex(PythonRegex.ToDotNet(word), flags);
            _asciiWordRuns = _word.ToString() == @"\w+";
        }
        else if (options.Tokenize)
            _separator = new Regex(options.WordSeparatorCharacterRE, flags);
    }

    /// <summary>The weighted frequency of <paramref name="term"/> in <paramref name="text"/>.</summary>
    public double Frequency(string text, string term)
    {
        var document = DocumentTokens(text);
        var (termTokens, key) = Term(term);
        if (termTokens.Length == 0)
            return 0;
        // With exact matching every hit is a best hit, so both countHits modes count the n-gram's occurrences.
        var count = MatchesExactly ? NGramCounts(termTokens.Length).GetValueOrDefault(key) : CountHits(document.Tokens, termTokens);
        return Weight(count, text);
    }

    private const char Separator = '\u0001';

    /// <summary>Whether terms match exactly (no Levenshtein distance), so counts can be read from n-gram tables.</summary>
    internal bool MatchesExactly => _options.MaxLevenshteinDistance == 0;

    /// <summary>A term's normalised tokens and the key its n-gram has in <see cref="NGramCounts(string, int)"/>.</summary>
    internal (string[] Tokens, string Key) Term(string term)
    {
        var known = _terms.GetOrAdd(term, static (t, self) =>
        {
            var tokens = self.Tokens(t);
            return new TermKey(tokens, string.Join(Separator, tokens));
        }, this);
        return (known.Tokens, known.Key);
    }

    // Classes rather than tuples: framework collections over a value tuple have no precompiled code, and a text model's
    // load JIT-compiled each of their methods it used.
    private sealed record TermKey(string[] Tokens, string Key);

    private sealed record Replacement(Lazy<Regex> Pattern, string With, bool Recursive, WordAlternation? Words);

    /// <summary>How often each sequence of <paramref name="length"/> tokens occurs in the normalised document.</summary>
    internal Dictionary<string, int> NGramCounts(string text, int length)
    {
        DocumentTokens(text);
        return NGramCounts(length);
    }

    /// <summary>The localTermWeights value of a term that occurs <paramref name="count"/> times (count &gt; 0) in the document.</summary>
    internal double Weight(int count, string text) => _options.LocalTermWeights switch
    {
        LocalTermWeights.Binary => count > 0 ? 1 : 0,
        LocalTermWeights.Logarithmic => Math.Log10(1 + count),
        LocalTermWeights.AugmentedNormalizedTermFrequency => count == 0 ? 0 : 0.5 * (1 + count / (double)MaxTokenFrequency(DocumentTokens(text))),
        _ => count,
    };

    /// <summary>The current document of this thread, tokenized once for all of its terms.</summary>
    private DocumentState DocumentTokens(string text)
    {
        var document = t_document ??= new DocumentState();
        if (ReferenceEquals(document.Owner, this) && string.Equals(document.Text, text, StringComparison.Ordinal))
            return document;
        document.Clear();
        Tokens(text, document.Tokens);
        document.Start(this, text);
        return document;
    }

    /// <summary>How often each sequence of <paramref name="length"/> tokens occurs in the current document.</summary>
    private static Dictionary<string, int> NGramCounts(int length)
    {
        var document = t_document!;
        if (document.TryGetCounts(length) is { } known)
            return known;
        var counts = document.NewCounts(length);
        var tokens = document.Tokens;
        for (var start = 0; start + length <= tokens.Count; start++)
        {
            var key = length == 1 ? tokens[start] : string.Join(Separator, CollectionsMarshal.AsSpan(tokens).Slice(start, length)!);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    private string[] Tokens(string text)
    {
        var tokens = new List<string>();
        Tokens(text, tokens);
        return tokens.ToArray();
    }

    private void Tokens(string text, List<string> tokens)
    {
        text = Normalize(text);
        if (!_options.IsCaseSensitive)
            text = text.ToLowerInvariant();
        if (_word is not null)
        {
            if (_asciiWordRuns && Ascii.IsValid(text))
            {
                AsciiWordRuns(text, tokens);
                return;
            }
            // The matches as Matches finds them, without a Match object per token.
            foreach (var match in _word.EnumerateMatches(text))
                tokens.Add(text.Substring(match.Index, match.Length));
            return;
        }
        if (_separator is null)
        {
            tokens.Add(text);
            return;
        }
        foreach (var raw in _separator.Split(text))
        {
            // Punctuation at either end of a token is not part of the word ("great!" is "great").
            var token = raw.AsSpan().Trim(Punctuation);
            if (token.Length > 0)
                tokens.Add(token.ToString());
        }
    }

    /// <summary>
    /// The tokens "\w+" matches in <paramref name="text"/>, which is ASCII: its maximal runs of letters, digits and
    /// underscores, since .NET's \w is [\p{L}\p{Mn}\p{Nd}\p{Pc}] and two joiners, with or without IgnoreCase. On the
    /// Sentiment documents a plain loop took 215 ns per document, SearchValues' vectorised search 281 (and a dozen generic
    /// methods JIT-compiled at load), the regex interpreter 780, 8% of LogisticRegressionSentiment's record.
    /// </summary>
    internal static void AsciiWordRuns(string text, List<string> tokens)
    {
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                if (start < 0)
                    start = i;
            }
            else if (start >= 0)
            {
                tokens.Add(text.Substring(start, i - start));
                start = -1;
            }
        }
        if (start >= 0)
            tokens.Add(text.Substring(start));
    }

    private static readonly string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private string Normalize(string text)
    {
        foreach (var (pattern, replacement, recursive, words) in _replacements)
        {
            if (words?.TryReplace(text) is { } replaced)
            {
                text = replaced;
                continue;
            }
            var rounds = 0;
            while (true)
            {
                var next = pattern.Value.Replace(text, replacement);
                var changed = !string.Equals(next, text, StringComparison.Ordinal);
                text = next;
                if (!recursive || !changed || ++rounds == MaxRecursiveRounds)
                    break;
            }
        }
        return text;
    }

    private int CountHits(List<string> document, string[] term)
    {
        var maxDistance = _options.MaxLevenshteinDistance;
        var count = 0;
        var best = int.MaxValue;
        for (var start = 0; start + term.Length <= document.Count; start++)
        {
            var distance = 0;
            for (var k = 0; k < term.Length && distance <= maxDistance; k++)
                distance += maxDistance == 0
                    ? (string.Equals(document[start + k], term[k], StringComparison.Ordinal) ? 0 : 1)
                    : Levenshtein(document[start + k], term[k]);
            if (distance > maxDistance)
                continue;
            if (_options.CountHits == Model.CountHits.BestHits)
            {
                if (distance < best)
                {
                    best = distance;
                    count = 0;
                }
                if (distance == best)
                    count++;
            }
            else
            {
                count++;
            }
        }
        return count;
    }

    private static int MaxTokenFrequency(DocumentState document) => document.MaxTokenFrequency ??= MaxTokenFrequency(document.Tokens);

    private static int MaxTokenFrequency(List<string> document)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var max = 0;
        foreach (var token in document)
            max = Math.Max(max, counts[token] = counts.GetValueOrDefault(token) + 1);
        return max;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    [GeneratedRegex(@"\\[1-9]")]
    private static partial Regex Backreference();
}
