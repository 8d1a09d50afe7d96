using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Errors;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// The fields a group of flattened trees tests, as positions in one feature vector. Numeric fields are stored as numbers,
/// string fields as codes of the categories the trees mention (-1 for any other text).
/// </summary>
internal sealed class FeatureMap(DocumentPlan document)
{
    private readonly List<int> _slots = [];
    private readonly List<Dictionary<string, int>?> _codes = [];
    private readonly Dictionary<int, int> _bySlot = [];
    // Per string feature, its codes found by position where possible (CategoryCodes): built on first use and dropped
    // when a code is added, published whole so that scoring threads share it safely.
    private readonly List<CategoryCodes?> _categoryCodes = [];

    public int Count => _slots.Count;

    public static bool IsNumeric(DataType type) => type is DataType.Double or DataType.Float or DataType.Integer or DataType.Boolean;

    /// <summary>The feature of a slot, added on first use; -1 when the slot's type cannot be a feature.</summary>
    public int Feature(int slot)
    {
        if (_bySlot.TryGetValue(slot, out var feature))
            return feature;
        var type = document.Slots[slot].DataType;
        if (!IsNumeric(type) && type != DataType.String)
            return -1;
        feature = _slots.Count;
        _slots.Add(slot);
        _codes.Add(type == DataType.String ? new Dictionary<string, int>(StringComparer.Ordinal) : null);
        _categoryCodes.Add(null);
        _bySlot[slot] = feature;
        return feature;
    }

    public bool IsCategorical(int feature) => _codes[feature] is not null;

    /// <summary>
    /// Whether every feature reads an input as its MiningField prepared it, directly or through a cast chain: reading them
    /// all costs little more than reading the few a walk needs, where a feature computed by an expression (a TF-IDF term,
    /// one of hundreds) may cost far more.
    /// </summary>
    public bool ReadsPreparedInputs() => _slots.All(slot => document.Slots[document.CopyRoot(slot, out _)] is PreparedSlot);

    /// <summary>
    /// Whether a feature's present values are all whole numbers: an integer input as its MiningFields prepare it (their
    /// replacements and outlier bounds whole too), read through numeric casts, which keep a whole number whole.
    /// </summary>
    public bool HoldsWholeNumbers(int feature)
    {
        var slot = document.CopyRoot(_slots[feature], out var casts);
        if (!casts.All(IsNumeric))
            return false;
        while (document.Slots[slot] is PreparedSlot prepared)
        {
            if (!IsWhole(prepared.MissingReplacement) || !IsWhole(prepared.InvalidReplacement)
                || prepared.OpType == OpType.Continuous && prepared.Field.Outliers == Model.OutlierTreatment.AsExtremeValues
                    && !(IsWholeBound(prepared.Field.LowValue) && IsWholeBound(prepared.Field.HighValue)))
                return false;
            slot = prepared.Source;
        }
        return document.Slots[slot] is InputSlot { DataType: DataType.Integer };

        static bool IsWhole(Value value) => value.IsMissing || value.Kind == ValueKind.Number && value.Number == Math.Floor(value.Number);

        static bool IsWholeBound(double? bound) => bound is not { } x || x == Math.Floor(x);
    }

    /// <summary>The slot a feature reads.</summary>
    public int Slot(int feature) => _slots[feature];

    /// <summary>A string feature's codes by category (the categories its trees mention), or null for a numeric feature.</summary>
    public IReadOnlyDictionary<string, int>? Codes(int feature) => _codes[feature];

    public int Code(int feature, string category)
    {
        var codes = _codes[feature]!;
        if (!codes.TryGetValue(category, out var code))
        {
            codes[category] = code = codes.Count;
            _categoryCodes[feature] = null;
        }
        return code;
    }

    /// <summary>Marks every feature unread; <see cref="Read"/> computes one when a test first needs it, as the interpreter would.</summary>
    public static void Clear(Span<double> features) => features.Fill(Features.Unread);

    /// <summary>Reads one feature of the record; an error in computing its field surfaces here, where the test reads it.</summary>
    public double Read(RowContext row, int feature) => Encode(feature, row.Get(_slots[feature]));

    /// <summary>A field's value as the feature holds it: a number, a category code, or the NaN of an absent value.</summary>
    public double Encode(int feature, Value value) => value.Kind switch
    {
        ValueKind.Number or ValueKind.Boolean => Features.Number(value.Number),
        ValueKind.String when _codes[feature] is { } codes => EncodeString(feature, codes, value),
        ValueKind.Missing => Features.Missing,
        _ => Features.Invalid,
    };

    // The codes change while trees are compiled (Code adds them), so the table is built when a record first needs it.
    private int EncodeString(int feature, Dictionary<string, int> codes, Value value) =>
        (_categoryCodes[feature] ??= CategoryCodes.For(document, _slots[feature], codes)).Find(value);

    /// <summary>
    /// Reads every feature of the record (the batch kernel's way). A derived field whose computation fails is marked,
    /// not thrown: the interpreter only fails when a walk reads it, so <see cref="Rethrow"/> raises the error there.
    /// </summary>
    public void Load(RowContext row, Span<double> features)
    {
        for (var i = 0; i < _slots.Count; i++)
        {
            Value value;
            try
            {
                value = row.Get(_slots[i]);
            }
            catch (PmmlEvaluationException)
            {
                features[i] = Features.Failed;
                continue;
            }
            features[i] = Encode(i, value);
        }
    }

    /// <summary>Reads the feature's field again, which throws the error its computation raised.</summary>
    public void Rethrow(int feature, RowContext row) => row.Get(_slots[feature]);
}
