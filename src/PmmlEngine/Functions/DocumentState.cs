namespace PmmlEngine.Functions;

/// <summary>
/// One thread's current document for a <see cref="TextIndexer"/>: its tokens and its n-gram counts, built once for all
/// of the document's terms. The token list and the count tables are kept for the thread's next document, so a record
/// allocates its tokens and nothing else: a fresh table per document was most of a text record's allocations, and on a
/// first pass over a file every allocation also touches memory the process has not used yet.
/// </summary>
internal sealed class DocumentState
{
    private Dictionary<string, int>?[] _counts = [];
    private bool[] _built = [];

    public TextIndexer? Owner { get; private set; }

    public string? Text { get; private set; }

    public List<string> Tokens { get; } = [];

    /// <summary>
    /// How often the document's most frequent token occurs, once computed: augmented term weights divide by it for every
    /// term that occurs, and counting the tokens per term was a dictionary per term.
    /// </summary>
    public int? MaxTokenFrequency { get; set; }

    /// <summary>Forgets the document, so that a tokenization that throws leaves no half-filled state behind.</summary>
    public void Clear()
    {
        Owner = null;
        Tokens.Clear();
    }

    /// <summary>Makes this the state of <paramref name="text"/>, whose tokens are in <see cref="Tokens"/>.</summary>
    public void Start(TextIndexer owner, string text)
    {
        Array.Clear(_built);
        MaxTokenFrequency = null;
        Text = text;
        Owner = owner;
    }

    /// <summary>The counts of n-grams of <paramref name="length"/> tokens, if this document has them yet.</summary>
    public Dictionary<string, int>? TryGetCounts(int length) => length < _built.Length && _built[length] ? _counts[length] : null;

    /// <summary>An empty table for the counts of n-grams of <paramref name="length"/> tokens, taken as built.</summary>
    public Dictionary<string, int> NewCounts(int length)
    {
        if (_counts.Length <= length)
        {
            Array.Resize(ref _counts, length + 1);
            Array.Resize(ref _built, length + 1);
        }
        var counts = _counts[length] ??= new Dictionary<string, int>(StringComparer.Ordinal);
        counts.Clear();
        _built[length] = true;
        return counts;
    }
}
