using System.Runtime.CompilerServices;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends;

/// <summary>
/// One record's input values in <see cref="Evaluation.PmmlEvaluator.InputFields"/> order, as the row and batch scorers
/// hold them: a plain number or a category read from its declared text is kept unboxed (the number, or the position of
/// the field's valid value), any other value as a <see cref="Value"/>. The direct paths read numbers and positions from
/// it as they are; the general path asks for values, which a number or position becomes only then. Making a 24-byte
/// value of each text and finding a category's position again from it was a third of scoring a logistic regression
/// (LogisticRegressionAudit).
/// </summary>
internal sealed class InputRecord
{
    /// <summary>The input is the value in <see cref="_values"/>.</summary>
    private const int Boxed = -2;

    /// <summary>The input is the number in <see cref="_numbers"/>, the value <see cref="Value.Of(double)"/> makes of it.</summary>
    private const int Number = -1;

    private readonly FieldDomain[] _domains;
    private readonly Value[] _values;
    private readonly double[] _numbers;
    // Per input: Boxed, Number, or the position of the valid value it is.
    private readonly int[] _kinds;

    // A plain loop: LINQ and span helpers over ints would be generic code that is not precompiled, compiled when a
    // scorer is first made.
    public InputRecord(IReadOnlyList<InputSlot> inputs)
    {
        _domains = new FieldDomain[inputs.Count];
        _values = new Value[inputs.Count];
        _numbers = new double[inputs.Count];
        _kinds = new int[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            _domains[i] = inputs[i].Domain;
            _kinds[i] = Boxed;
        }
    }

    public int Count => _kinds.Length;

    /// <summary>Input <paramref name="input"/> as a value: what the general path reads.</summary>
    public Value this[int input] => _kinds[input] switch
    {
        Boxed => _values[input],
        Number => Value.Of(_numbers[input]),
        var position => _domains[input].ValidValueAt(position),
    };

    /// <summary>Sets a value: one of the field's own valid values (<see cref="FieldDomain.PositionOf"/>) is kept as its position.</summary>
    public void Set(int input, Value value)
    {
        if (_domains[input].PositionOf(value) is var position and >= 0)
        {
            _kinds[input] = position;
            return;
        }
        _values[input] = value;
        _kinds[input] = Boxed;
    }

    /// <summary>Sets the number <see cref="Value.Of(double)"/> makes a value of.</summary>
    public void SetNumber(int input, double number)
    {
        _numbers[input] = number;
        _kinds[input] = Number;
    }

    /// <summary>Sets the field's valid value at <paramref name="position"/> (of its <see cref="FieldDomain.ValidValues"/>, checked by the caller).</summary>
    public void SetCategory(int input, int position) => _kinds[input] = position;

    /// <summary>Sets what <see cref="InputSlot.Convert(string)"/> reads the text as.</summary>
    public void SetText(int input, InputSlot slot, string? text)
    {
        switch (slot.Read(text, out var number))
        {
            case InputSlot.NotRead:
                Set(input, slot.ConvertUnread(text));
                break;
            case InputSlot.ReadNumber:
                SetNumber(input, number);
                break;
            case var position:
                SetCategory(input, position);
                break;
        }
    }

    /// <summary>The number input <paramref name="input"/> is (a value of kind <see cref="ValueKind.Number"/>); false for any other value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetNumber(int input, out double number)
    {
        var kind = _kinds[input];
        if (kind == Number)
        {
            number = _numbers[input];
            return true;
        }
        var value = kind == Boxed ? _values[input] : _domains[input].ValidValueAt(kind);
        number = value.Number;
        return value.Kind == ValueKind.Number;
    }

    /// <summary>Whether input <paramref name="input"/> is the missing value.</summary>
    public bool IsMissing(int input) => _kinds[input] == Boxed && _values[input].IsMissing;

    /// <summary>
    /// The position among its field's valid values of the one input <paramref name="input"/> is (read from its declared
    /// text, set by position, or set as that value); -1 for any other value. No call: a direct path's sum stays in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PositionOf(int input) => Math.Max(_kinds[input], -1);

    /// <summary>
    /// Whether <see cref="IsKept"/> holds by checks that make no call (a category of a field that keeps all its valid
    /// values, a number within the kept bounds); false leaves the answer to <see cref="IsKept"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsKeptAtOnce(int input, PreparedSlot prepared)
    {
        var kind = _kinds[input];
        return kind >= 0 ? prepared.KeepsValidValues : kind == Number && prepared.KeepsNumberAtOnce(_numbers[input]);
    }

    /// <summary>Whether the treatments of <paramref name="prepared"/> keep input <paramref name="input"/> as it is (<see cref="PreparedSlot.Keeps"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsKept(int input, PreparedSlot prepared)
    {
        var kind = _kinds[input];
        if (kind >= 0)
            return prepared.KeepsValidValues || prepared.Keeps(_domains[input].ValidValueAt(kind));
        return kind == Number ? prepared.KeepsNumber(_numbers[input]) : prepared.Keeps(_values[input]);
    }
}
