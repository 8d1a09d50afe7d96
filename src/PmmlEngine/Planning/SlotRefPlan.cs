using PmmlEngine.Errors;
using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A FieldRef to a field of some scope; <see cref="MapMissingTo"/> replaces a missing value.</summary>
public sealed class SlotRefPlan(int slot, Value mapMissingTo) : PlanExpression
{
    public int Slot { get; } = slot;
    public Value MapMissingTo { get; } = mapMissingTo;
}
