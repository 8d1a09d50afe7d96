using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>The whole planned document: the row buffer layout, the inputs, the model and the public fields.</summary>
public sealed class DocumentPlan
{
    public required PmmlDocument Document { get; init; }
    public required SlotDefinition[] Slots { get; init; }

    /// <summary>The fields a caller supplies: the active DataFields of the top model.</summary>
    public required InputSlot[] Inputs { get; init; }

    public required ModelPlan Model { get; init; }
    public required PublicField[] Targets { get; init; }
    public required PublicField[] Outputs { get; init; }

    /// <summary>
    /// The field a cast chain (double(float(x)): derived fields that only read another field) reads back to, with the
    /// types its value is converted to on the way out, first to last; the slot itself and no types for any other slot.
    /// </summary>
    public int CopyRoot(int slot, out DataType[] casts)
    {
        var types = new List<DataType>();
        while (Slots[slot] is DerivedSlot { CopyOf: >= 0 and var source } derived) // the planner rejects cycles
        {
            types.Add(derived.DataType);
            slot = source;
        }
        types.Reverse();
        casts = types.ToArray();
        return slot;
    }
}
