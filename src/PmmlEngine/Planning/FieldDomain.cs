using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>
/// The valid, invalid and missing values of a DataField (PMML 4.4 DataDictionary): what decides whether an input value is
/// valid, invalid or missing before the MiningSchema treats it.
/// </summary>
public sealed class FieldDomain
{
    private readonly HashSet<Value> _valid;
    private readonly HashSet<Value> _invalid;
    private readonly HashSet<Value> _missing;
    private readonly Interval[] _intervals;
    // Fast paths that avoid hashing values (hashing a string value tries to read it as a number): a categorical field's
    // valid values by their declared text, whether they are all strings, and the missing markers that are numbers.
    private readonly TextPositions? _validTexts;
    private readonly bool _allStrings;
    private readonly Value[] _validValues;
    private readonly HashSet<double> _missingNumbers = [];
    // Whether each set has members, kept as flags: HashSet<Value>'s own Count is framework code over this assembly's
    // struct, outside the precompiled image, so the checks every record makes ran unoptimised in a first pass.
    private readonly bool _anyValid, _anyInvalid, _anyMissing;

    public FieldDomain(DataField field)
    {
        _valid = [];
        _invalid = [];
        _missing = [];
        var validInOrder = new List<Value>();
        // Each declared text's position, the first declaration of a text winning.
        var validTexts = new Dictionary<string, int>(StringComparer.Ordinal);
        var positions = new Dictionary<Value, int>();
        foreach (var v in field.Values)
        {
            // Missing markers such as "NaN" are compared as text: the data type may not be able to read them.
            var parsed = v.Property == ValueProperty.Missing ? Value.Of(v.Value) : ValueParser.Parse(v.Value, field.DataType);
            switch (v.Property)
            {
                case ValueProperty.Valid:
                    if (!parsed.HasValue)
                        break;
                    // NaN equals nothing, itself included, so a declared NaN takes a new position each time it is found
                    // and no record's value is ever that one.
                    if (!positions.TryGetValue(parsed, out var position))
                    {
                        position = positions[parsed] = validInOrder.Count;
                        _valid.Add(parsed);
                        validInOrder.Add(parsed);
                    }
                    validTexts.TryAdd(v.Value, position);
                    break;
                case ValueProperty.Invalid:
                    _invalid.Add(parsed);
                    break;
                default:
                    _missing.Add(parsed);
                    MissingTexts.Add(v.Value);
                    break;
            }
        }
        if (validInOrder.Count > 0 && field.OpType != OpType.Continuous)
        {
            // Each declared text reads as the value at its position: text equal to it needs no parsing, and carries it.
            for (var i = 0; i < validInOrder.Count; i++)
                validInOrder[i] = validInOrder[i].AtPosition(i);
            _validTexts = new TextPositions(validTexts);
            _allStrings = validInOrder.All(v => v.Kind == ValueKind.String);
        }
        ValidValues = _validValues = validInOrder.ToArray();
        foreach (var text in MissingTexts)
            if (ValueParser.TryParseDouble(text, out var number) && !double.IsNaN(number))
                _missingNumbers.Add(number);
        _intervals = field.OpType == OpType.Continuous ? field.Intervals.ToArray() : [];
        IsContinuous = field.OpType == OpType.Continuous;
        (_anyValid, _anyInvalid, _anyMissing) = (_valid.Count > 0, _invalid.Count > 0, _missing.Count > 0);
    }

    /// <summary>
    /// Valid values in document order (a classification target's categories). A categorical field's values carry their
    /// position (<see cref="Value.Category"/>).
    /// </summary>
    public IReadOnlyList<Value> ValidValues { get; }

    public IReadOnlyList<Interval> Intervals => _intervals;

    /// <summary>Texts that stand for a missing value ("NaN", "-999"...), compared before the value is parsed.</summary>
    public HashSet<string> MissingTexts { get; } = new(StringComparer.Ordinal);

    public bool IsContinuous { get; }

    /// <summary>Whether every number is a valid, non-missing value of the field: continuous, with no intervals and no invalid or missing markers.</summary>
    public bool AcceptsEveryNumber => IsContinuous && _intervals.Length == 0 && !_anyInvalid && !_anyMissing;

    /// <summary>Whether the field lists values that are always invalid.</summary>
    public bool HasInvalidValues => _anyInvalid;

    /// <summary>Whether some text reads as one of the field's own valid values (<see cref="TryGetValid"/>).</summary>
    public bool HasValidTexts => _validTexts is not null;

    /// <summary>Whether the field lists markers that stand for a missing value.</summary>
    public bool HasMissingValues => _anyMissing;

    /// <summary>Whether some missing marker reads as a number other than NaN, which a number read from text can equal.</summary>
    public bool HasMissingNumbers => _missingNumbers.Count > 0;

    /// <summary>
    /// Whether the value is one of the declared missing markers, compared as a value or by its text. A number matches
    /// the markers that read as that number (NaN only its own text); a string matches its own text.
    /// </summary>
    public bool IsMissingValue(Value value) => _anyMissing && value.Kind switch
    {
        ValueKind.Number when double.IsNaN(value.Number) => MissingTexts.Contains(value.ToString()),
        ValueKind.Number => _missingNumbers.Contains(value.Number),
        ValueKind.String => MissingTexts.Contains((string)value.Payload!),
        _ => _missing.Contains(value) || _missing.Contains(Value.Of(value.ToString())),
    };

    /// <summary>
    /// PMML 4.4: a categorical value is valid when the field lists no valid values or lists this one; a continuous value is
    /// valid when the field has no intervals or one contains it. Listed invalid values are always invalid.
    /// </summary>
    public bool IsValid(Value value)
    {
        if (value.Kind == ValueKind.Collection)
            return ((IReadOnlyList<Value>)value.Payload!).All(IsValid);
        if (!value.HasValue)
            return false;
        if (_anyInvalid && _invalid.Contains(value))
            return false;
        if (IsContinuous)
        {
            if (_intervals.Length == 0)
                return !_anyValid || _valid.Contains(value) || value.IsNumeric;
            return value.TryGetNumber(out var x) && (InIntervals(x) || _valid.Contains(value));
        }
        if (!_anyValid)
            return true;
        if (PositionOf(value) >= 0)
            return true;
        return _allStrings && value.Kind == ValueKind.String ? _validTexts!.Contains((string)value.Payload!) : _valid.Contains(value);
    }

    /// <summary>
    /// <see cref="IsValid"/> for a value of kind <see cref="ValueKind.Number"/>, without the checks other kinds need: the
    /// check every number read for a continuous field with intervals makes.
    /// </summary>
    public bool IsValidNumber(Value number)
    {
        if (_anyInvalid && _invalid.Contains(number))
            return false;
        if (!IsContinuous)
            return IsValid(number);
        return _intervals.Length == 0 || InIntervals(number.Number) || _anyValid && _valid.Contains(number);
    }

    private bool InIntervals(double x)
    {
        foreach (var interval in _intervals)
            if (interval.Contains(x))
                return true;
        return false;
    }

    /// <summary>
    /// The position of the valid value whose declared text <paramref name="text"/> is, for a categorical field that
    /// declares valid values: the value it reads as, so that later checks and category codes need not parse or hash it
    /// again. -1 for any other text.
    /// </summary>
    internal int PositionOfText(string text) =>
        _validTexts is not null && _validTexts.TryGetValue(text, out var position) ? position : -1;

    /// <summary>The valid value at <paramref name="position"/>, from the array itself (the list's indexer is framework generic code, not precompiled).</summary>
    internal Value ValidValueAt(int position) => _validValues[position];

    /// <summary>Text that declares one of a categorical field's valid values, read as that value (<see cref="PositionOfText"/>).</summary>
    public bool TryGetValid(string text, out Value value)
    {
        var position = PositionOfText(text);
        value = position >= 0 ? ValidValueAt(position) : default;
        return position >= 0;
    }

    /// <summary>
    /// The position of the field's own valid value that <paramref name="value"/> is, from the position it carries: the
    /// same kind, payload instance and number; -1 for any other value, another field's value at that position included.
    /// </summary>
    internal int PositionOf(Value value)
    {
        var position = value.Category - 1;
        if ((uint)position >= (uint)_validValues.Length)
            return -1;
        var own = _validValues[position];
        return own.Kind == value.Kind && ReferenceEquals(own.Payload, value.Payload) && own.Number.Equals(value.Number) ? position : -1;
    }
}
