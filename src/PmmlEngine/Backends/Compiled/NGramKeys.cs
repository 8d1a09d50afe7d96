namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// Term keys by n-gram length, each with the positions (predictors or fields) whose term it is: what a document's n-gram
/// counts are looked up in (<see cref="TermTable"/>, <see cref="TermFields"/>). Built through string-keyed dictionaries
/// per length rather than one keyed by (length, key): a framework generic over a value tuple has no precompiled code,
/// and compiling that dictionary and the LINQ over it was part of every text model's load.
/// </summary>
internal sealed class NGramKeys
{
    private readonly List<Dictionary<string, List<int>>> _byLength = [];

    public void Add(int length, string key, int position)
    {
        while (_byLength.Count <= length)
            _byLength.Add(new Dictionary<string, List<int>>(StringComparer.Ordinal));
        if (!_byLength[length].TryGetValue(key, out var positions))
            _byLength[length][key] = positions = [];
        positions.Add(position);
    }

    /// <summary>Per length (index 0 holds no key), each key's positions in the order they were added.</summary>
    public Dictionary<string, int[]>[] ToTables()
    {
        var tables = new Dictionary<string, int[]>[_byLength.Count];
        for (var length = 0; length < tables.Length; length++)
        {
            tables[length] = new Dictionary<string, int[]>(_byLength[length].Count, StringComparer.Ordinal);
            foreach (var (key, positions) in _byLength[length])
                tables[length][key] = positions.ToArray();
        }
        return tables;
    }
}
