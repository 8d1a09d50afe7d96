using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

public sealed class ConstantPredicatePlan(bool value) : PredicatePlan
{
    public bool Value { get; } = value;
}
