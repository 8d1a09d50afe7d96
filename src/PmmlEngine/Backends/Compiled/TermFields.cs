using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Functions;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// The term fields of one document, as text pipelines feed trees: derived fields <c>f(document, "term"[, weight])</c>
/// whose function is a TextIndex, times a weight for TF-IDF (<see cref="TermTable.TryTerm"/>). The first of them a
/// record reads sets every one whose term occurs, from the document's n-gram counts; the others, read later, are the
/// value a count of zero gives. A forest testing dozens of terms then tokenizes and looks up once per record instead of
/// calling the field's function once per term. A document that is not text leaves each field to the interpreter.
/// </summary>
internal sealed class TermFields
{
    // The record and group whose present terms were set last on this thread; a RowContext serves one thread at a time.
    [ThreadStatic] private static (RowContext? Row, int Generation, TermFields? Group) t_filled;

    private readonly DocumentPlan _plan;
    private readonly int _document;
    private readonly TextIndexer _indexer;
    private readonly Dictionary<int, int> _bySlot = [];
    // A class's list: one of tuples had no precompiled code and was JIT-compiled at load (see NGramKeys).
    private readonly List<Field> _fields = [];
    private readonly List<Value> _absent = [];
    private Dictionary<string, int[]>[] _byLength = [];

    private sealed record Field(int Slot, double Weight, bool Truncate);

    private TermFields(DocumentPlan plan, int document, TextIndexer indexer)
    {
        _plan = plan;
        _document = document;
        _indexer = indexer;
    }

    /// <summary>Every term field of the document, with the group of its document and indexer.</summary>
    public static IReadOnlyDictionary<int, TermFields> Find(DocumentPlan plan)
    {
        // A document has one group per indexer: a few, found by a search (see NGramKeys on tuple-keyed dictionaries).
        var groups = new List<TermFields>();
        var keys = new List<NGramKeys>();
        var bySlot = new Dictionary<int, TermFields>();
        foreach (var slot in plan.Slots)
        {
            if (slot is not DerivedSlot { CopyOf: < 0 } || !TermTable.TryTerm(slot, out var document, out var term, out var weight, out var truncate, out var indexer)
                || !indexer.MatchesExactly)
                continue;
            var at = groups.FindIndex(g => g._document == document && ReferenceEquals(g._indexer, indexer));
            if (at < 0)
            {
                at = groups.Count;
                groups.Add(new TermFields(plan, document, indexer));
                keys.Add(new NGramKeys());
            }
            var group = groups[at];
            var position = group._fields.Count;
            group._bySlot[slot.Index] = position;
            group._fields.Add(new Field(slot.Index, weight, truncate));
            // A term that does not occur counts 0, whose weight is 0: the field is then 0 × weight, truncated as declared.
            var zero = 0.0 * weight;
            group._absent.Add(Value.Of(truncate ? Math.Truncate(zero) : zero));
            var (tokens, key) = indexer.Term(term);
            if (tokens.Length > 0)
                keys[at].Add(tokens.Length, key, position);
            bySlot[slot.Index] = group;
        }
        for (var g = 0; g < groups.Count; g++)
            groups[g]._byLength = keys[g].ToTables();
        return bySlot;
    }

    /// <summary>A term field's value in the record, as the slot's computer (<see cref="RowContext"/>).</summary>
    public Value Compute(RowContext row, int slot)
    {
        var document = row.Get(_document);
        if (document.Kind != ValueKind.String)
            return ExpressionInterpreter.Evaluate(((DerivedSlot)_plan.Slots[slot]).Expression, row, []);
        var filled = t_filled;
        if (!ReferenceEquals(filled.Row, row) || filled.Generation != row.Generation || !ReferenceEquals(filled.Group, this))
        {
            SetPresent(row, document.String);
            t_filled = (row, row.Generation, this);
        }
        return row.IsSet(slot) ? row.Get(slot) : _absent[_bySlot[slot]];
    }

    private void SetPresent(RowContext row, string text)
    {
        for (var length = 1; length < _byLength.Length; length++)
        {
            var terms = _byLength[length];
            if (terms.Count == 0)
                continue;
            foreach (var (key, count) in _indexer.NGramCounts(text, length))
            {
                if (!terms.TryGetValue(key, out var positions))
                    continue;
                foreach (var position in positions)
                {
                    var (slot, weight, truncate) = _fields[position];
                    var value = _indexer.Weight(count, text) * weight;
                    row.Set(slot, Value.Of(truncate ? Math.Truncate(value) : value));
                }
            }
        }
    }
}
