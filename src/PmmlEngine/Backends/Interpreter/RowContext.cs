using System.Runtime.CompilerServices;
using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// The slot buffer of one record. Slots are computed on first read and stamped with the record's generation, so a new
/// record needs no clearing and derived fields that no path reads are never computed.
/// </summary>
internal sealed class RowContext
{
    private readonly SlotDefinition[] _slots;
    private readonly Value[] _values;
    private readonly int[] _stamps;
    private readonly Func<RowContext, int, Value>?[]? _compute;
    private readonly int[] _copyRoot;
    private readonly DataType[]?[] _copyTypes;
    private int _generation;
    private int _scratchTop;

    /// <param name="plan">The document whose slots this buffer holds.</param>
    /// <param name="compute">For each slot, compiled code computing it from its index, or null where the slot is interpreted.</param>
    public RowContext(DocumentPlan plan, Func<RowContext, int, Value>?[]? compute = null)
    {
        _slots = plan.Slots;
        _values = new Value[_slots.Length];
        _stamps = new int[_slots.Length];
        _compute = compute;
        // sklearn2pmml writes a cast chain for every field (double(float(x))): a derived field that only reads another
        // field is a conversion of that field's value, needing neither an expression walk nor a delegate call. A chain
        // of them is read as its first field that is not a copy, converted to each type down the chain in turn.
        _copyRoot = new int[_slots.Length];
        _copyTypes = new DataType[]?[_slots.Length];
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            var root = plan.CopyRoot(slot, out var casts);
            _copyRoot[slot] = casts.Length > 0 ? root : -1;
            _copyTypes[slot] = casts.Length > 0 ? casts : null;
        }
    }

    /// <summary>Changes on every <see cref="Reset"/>; lets backends cache per-record work (feature vectors) by stamp.</summary>
    public int Generation => _generation;

    /// <summary>Argument space for compiled function applications, used as a stack so no record allocates.</summary>
    public Value[] Scratch { get; private set; } = new Value[16];

    public int Reserve(int count)
    {
        var start = _scratchTop;
        _scratchTop += count;
        if (_scratchTop > Scratch.Length)
        {
            var grown = new Value[Math.Max(_scratchTop, Scratch.Length * 2)];
            Scratch.AsSpan(0, start).CopyTo(grown);
            Scratch = grown;
        }
        return start;
    }

    public void Release(int count) => _scratchTop -= count;

    public void Reset()
    {
        _scratchTop = 0;
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamps);
            _generation = 1;
        }
    }

    public bool IsSet(int slot) => _stamps[slot] == _generation;

    public void Set(int slot, Value value)
    {
        _values[slot] = value;
        _stamps[slot] = _generation;
    }

    /// <summary>The slot's value in this record, computed on first read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Value Get(int slot) => _stamps[slot] == _generation ? _values[slot] : Compute(slot);

    // Kept out of Get so that the common case, a value already computed in this record, inlines at every read.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Value Compute(int slot)
    {
        var value = _slots[slot] switch
        {
            PreparedSlot prepared => Prepare(prepared),
            DerivedSlot when _copyRoot[slot] >= 0 => Copy(slot),
            DerivedSlot derived => Derive(slot, derived),
            _ => Value.Missing,
        };
        Set(slot, value);
        return value;
    }

    private Value Derive(int slot, DerivedSlot derived)
    {
        // A derived field computes the fields it reads first: chains of them recurse (a prepared input reads only its
        // input, and a copy its chain's first field, which checks for itself, so neither needs a check).
        if (!StackGuard.HasRoom())
            return StackGuard.Continue(static s => s.Row.Derive(s.slot, s.derived), (Row: this, slot, derived), derived.Location, derived.Name);
        return ValueParser.Convert(_compute?[slot] is { } compute ? compute(this, slot) : ExpressionInterpreter.Evaluate(derived.Expression, this, []), derived.DataType);
    }

    private Value Copy(int slot)
    {
        var value = Get(_copyRoot[slot]);
        foreach (var type in _copyTypes[slot]!)
            value = ValueParser.Convert(value, type);
        return value;
    }

    /// <summary>PMML 4.4 MiningSchema: missing, invalid and outlier treatment of one field for one model.</summary>
    private Value Prepare(PreparedSlot slot)
    {
        var value = Get(slot.Source);
        if (slot.Keeps(value))
            return value;
        var field = slot.Field;
        var domain = slot.Domain;
        if (value.IsMissing || domain is not null && domain.IsMissingValue(value))
            return Missing(slot);
        if (value.IsInvalid || domain is not null && !domain.IsValid(value))
        {
            switch (field.InvalidValueTreatment)
            {
                case InvalidValueTreatment.ReturnInvalid:
                    throw new PmmlEvaluationException($"Field '{slot.Name}' has invalid value '{value}'", slot.Name);
                case InvalidValueTreatment.AsMissing:
                    return Missing(slot);
                case InvalidValueTreatment.AsValue:
                    return slot.InvalidReplacement;
                default:
                    // asIs keeps the value, but text that is no value of the field's type cannot be used as one.
                    return value.IsInvalid ? Missing(slot) : value;
            }
        }
        if (field.Outliers != OutlierTreatment.AsIs && slot.OpType == OpType.Continuous && value.TryGetNumber(out var x))
        {
            if (field.LowValue is { } low && x < low)
                return field.Outliers == OutlierTreatment.AsMissingValues ? Missing(slot) : Value.Of(low);
            if (field.HighValue is { } high && x > high)
                return field.Outliers == OutlierTreatment.AsMissingValues ? Missing(slot) : Value.Of(high);
        }
        return value;
    }

    private static Value Missing(PreparedSlot slot)
    {
        if (slot.MissingReplacement.HasValue)
            return slot.MissingReplacement;
        if (slot.Field.MissingValueTreatment == MissingValueTreatment.ReturnInvalid)
            throw new PmmlEvaluationException($"Field '{slot.Name}' is missing and its MiningField says returnInvalid", slot.Name);
        return Value.Missing;
    }
}
