using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

public sealed class SetPredicatePlan(int slot, bool isIn, HashSet<Value> values) : PredicatePlan
{
    public int Slot { get; } = slot;
    public bool IsIn { get; } = isIn;
    public HashSet<Value> Values { get; } = values;
}
