using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A regression table over term fields, as sklearn2pmml writes text pipelines: every predictor is a derived field
/// <c>f(document, "term", weight)</c> whose function computes <c>TextIndex(document, term) * weight</c> (TF-IDF), or
/// <c>f(document, "term")</c> computing the TextIndex alone (term counts). Instead of
/// computing hundreds of fields per record, the document's n-grams are looked up in a term table and only the
/// predictors of terms that occur are added, in table order. A term that does not occur adds coefficient × 0, which
/// leaves the sum unchanged (it is never -0 once the intercept is not), so skipping it is exact.
/// </summary>
internal sealed class TermTable
{
    private readonly double _intercept;
    private readonly int _document;
    private readonly TextIndexer _indexer;
    private readonly (double Coefficient, double Weight, bool Truncate)[] _predictors;
    private readonly Dictionary<string, int[]>[] _byLength;
    // Per thread, sized for the largest table met: each predictor's term frequency in the document, and the predictors
    // whose terms occur. Plain arrays sorted by Array.Sort over ints: a list of tuples and its sort were framework generics
    // outside the precompiled image, compiled on the first record with more than a few terms (2 ms of Sentiment's first).
    [ThreadStatic] private static double[]? t_frequencies;
    [ThreadStatic] private static int[]? t_present;

    private TermTable(double intercept, int document, TextIndexer indexer, (double, double, bool)[] predictors, Dictionary<string, int[]>[] byLength)
    {
        _intercept = intercept;
        _document = document;
        _indexer = indexer;
        _predictors = predictors;
        _byLength = byLength;
    }

    public static TermTable? TryCreate(RegressionTablePlan table, DocumentPlan document)
    {
        if (table.Numeric.Length == 0 || table.Categorical.Length > 0 || table.Interactions.Length > 0
            || BitConverter.DoubleToInt64Bits(table.Intercept) == BitConverter.DoubleToInt64Bits(-0.0) || !double.IsFinite(table.Intercept))
            return null;
        int? documentSlot = null;
        TextIndexer? indexer = null;
        var predictors = new (double, double, bool)[table.Numeric.Length];
        var keys = new NGramKeys();
        for (var k = 0; k < table.Numeric.Length; k++)
        {
            var (slot, exponent, coefficient) = table.Numeric[k];
            if (exponent != 1 || !double.IsFinite(coefficient) || !TryTerm(document.Slots[slot], out var text, out var term, out var weight, out var truncate, out var index))
                return null;
            if (documentSlot is { } d && d != text || indexer is not null && !ReferenceEquals(indexer, index) || !index.MatchesExactly)
                return null;
            documentSlot = text;
            indexer = index;
            predictors[k] = (coefficient, weight, truncate);
            var (tokens, key) = index.Term(term);
            if (tokens.Length == 0)
                continue;
            keys.Add(tokens.Length, key, k);
        }
        return new TermTable(table.Intercept, documentSlot!.Value, indexer!, predictors, keys.ToTables());
    }

    /// <summary>
    /// A derived double field computed by a call <c>f(FieldRef document, "term", weight)</c> of a function whose body is
    /// <c>TextIndex(document, term) * weight</c>, or <c>f(FieldRef document, "term")</c> of one whose body is the
    /// TextIndex (weight 1), with no missing or default value handling that could change a number.
    /// </summary>
    internal static bool TryTerm(SlotDefinition slot, out int document, out string term, out double weight, out bool truncate, out TextIndexer indexer)
    {
        document = -1;
        term = "";
        weight = 1;
        indexer = null!;
        // A function declared integer truncates its result (ValueParser.Convert), as scoring here does then.
        truncate = slot is DerivedSlot { Expression: CallPlan { Function.ResultType: DataType.Integer } };
        if (slot is not DerivedSlot { DataType: DataType.Double, Expression: CallPlan c } || c.Function.ResultType is not (null or DataType.Double or DataType.Integer)
            || c.MapMissingTo.HasValue || c.DefaultValue.HasValue)
            return false;
        // TfidfVectorizer's terms are TextIndex(document, term) * weight; CountVectorizer's are the TextIndex alone.
        TextIndexPlan text;
        ParameterRefPlan? w = null;
        switch (c.Function.Body)
        {
            case ApplyPlan { Function.Name: "*", Arguments: [TextIndexPlan index, ParameterRefPlan { MapMissingTo.HasValue: false } parameter] } multiply
                when !multiply.MapMissingTo.HasValue && !multiply.DefaultValue.HasValue && c.Arguments.Length == 3:
                (text, w) = (index, parameter);
                break;
            case TextIndexPlan index when c.Arguments.Length == 2:
                text = index;
                break;
            default:
                return false;
        }
        if (text is not { Text: ParameterRefPlan { MapMissingTo.HasValue: false } documentParameter, Term: ParameterRefPlan { MapMissingTo.HasValue: false } termParameter })
            return false;
        var types = c.Function.ParameterTypes;
        if (c.Arguments[documentParameter.Index] is not SlotRefPlan { MapMissingTo.HasValue: false } documentField
            || c.Arguments[termParameter.Index] is not ConstantPlan { Value.Kind: ValueKind.String } termConstant
            || types[documentParameter.Index] is not (null or DataType.String) || types[termParameter.Index] is not (null or DataType.String))
            return false;
        if (w is not null)
        {
            if (c.Arguments[w.Index] is not ConstantPlan { Value.Kind: ValueKind.Number } weightConstant
                || types[w.Index] is not (null or DataType.Double) || !double.IsFinite(weightConstant.Value.Number))
                return false;
            weight = weightConstant.Value.Number;
        }
        document = documentField.Slot;
        term = termConstant.Value.String;
        indexer = text.Indexer;
        return true;
    }

    /// <summary>The table's linear predictor, or false when the document is missing (every term field is then missing).</summary>
    public bool TryScore(RowContext row, out double y)
    {
        y = _intercept;
        var document = row.Get(_document);
        if (document.IsMissing)
            return false;
        var text = document.String;
        if (t_present is not { } present || present.Length < _predictors.Length)
        {
            present = t_present = new int[_predictors.Length];
            t_frequencies = new double[_predictors.Length];
        }
        var frequencies = t_frequencies!;
        // A predictor names one term, and a document's n-grams are distinct, so each predictor is present once at most.
        var found = 0;
        for (var length = 1; length < _byLength.Length; length++)
        {
            var terms = _byLength[length];
            if (terms.Count == 0)
                continue;
            foreach (var (key, count) in _indexer.NGramCounts(text, length))
            {
                if (!terms.TryGetValue(key, out var predictors))
                    continue;
                foreach (var k in predictors)
                {
                    frequencies[k] = _indexer.Weight(count, text);
                    present[found++] = k;
                }
            }
        }
        Array.Sort(present, 0, found);
        for (var i = 0; i < found; i++)
        {
            var k = present[i];
            var (coefficient, weight, truncate) = _predictors[k];
            var value = frequencies[k] * weight;
            y += coefficient * (truncate ? Math.Truncate(value) : value);
        }
        return true;
    }
}
