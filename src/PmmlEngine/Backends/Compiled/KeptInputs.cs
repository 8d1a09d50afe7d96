using System.Runtime.CompilerServices;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// The top model's MiningSchema over a document's inputs when it prepares each input once: a record whose every value
/// the treatments keep as it is (<see cref="PreparedSlot.Keeps"/>) can be scored straight from its input values, which
/// is what the direct paths (<see cref="DirectTree"/>, <see cref="DirectRegression"/>) do.
/// </summary>
internal sealed class KeptInputs
{
    private readonly PreparedSlot[] _prepared;

    private KeptInputs(PreparedSlot[] prepared) => _prepared = prepared;

    /// <summary>
    /// The prepared field over each input (<see cref="DocumentPlan.Inputs"/> order), or null when the top model's active
    /// fields are not exactly one prepared field per input.
    /// </summary>
    public static KeptInputs? For(DocumentPlan plan, ModelPlan top)
    {
        // Each slot's input position, or -1: an array, where a dictionary built by LINQ over tuples was JIT-compiled at load.
        var inputOf = new int[plan.Slots.Length];
        for (var slot = 0; slot < inputOf.Length; slot++)
            inputOf[slot] = -1;
        for (var position = 0; position < plan.Inputs.Length; position++)
            inputOf[plan.Inputs[position].Index] = position;
        var prepared = new PreparedSlot?[plan.Inputs.Length];
        foreach (var slot in top.ActiveSlots)
        {
            if (plan.Slots[slot] is not PreparedSlot p || inputOf[p.Source] is not (>= 0 and var input) || prepared[input] is not null)
                return null;
            prepared[input] = p;
        }
        return prepared.Any(p => p is null) ? null : new KeptInputs(prepared!);
    }

    /// <summary>The prepared field over input <paramref name="input"/>.</summary>
    public PreparedSlot this[int input] => _prepared[input];

    /// <summary>The input whose prepared field is at <paramref name="slot"/>, or -1.</summary>
    public int InputAt(int slot) => Array.FindIndex(_prepared, p => p.Index == slot);

    /// <summary>Whether values of the type are numbers (what a direct path reads a number from).</summary>
    public static bool IsNumeric(DataType type) => type is DataType.Double or DataType.Float or DataType.Integer;

    /// <summary>
    /// Whether the treatments keep every value of the record as it is. The checks that make no call come first, and the
    /// full ones from the first input they leave open: a loop that can call keeps its state in memory, not registers.
    /// </summary>
    public bool KeepAll(InputRecord record)
    {
        for (var i = 0; i < _prepared.Length; i++)
        {
            if (!record.IsKeptAtOnce(i, _prepared[i]))
                return KeepFrom(record, i);
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool KeepFrom(InputRecord record, int first)
    {
        for (var i = first; i < _prepared.Length; i++)
        {
            if (!record.IsKept(i, _prepared[i]))
                return false;
        }
        return true;
    }

    /// <summary>
    /// <see cref="KeepAll"/>, where a missing value also passes when its field leaves it missing: no replacement, and
    /// not returnInvalid (what the batch kernels read as a missing feature, and the direct paths never walk).
    /// </summary>
    public bool KeepAllOrMissing(InputRecord record)
    {
        for (var i = 0; i < _prepared.Length; i++)
        {
            if (!record.IsKeptAtOnce(i, _prepared[i]) && !record.IsKept(i, _prepared[i]) && !(record.IsMissing(i) && LeavesMissing(_prepared[i])))
                return false;
        }
        return true;
    }

    private static bool LeavesMissing(PreparedSlot prepared) =>
        !prepared.MissingReplacement.HasValue && prepared.Field.MissingValueTreatment != Model.MissingValueTreatment.ReturnInvalid;
}
