using PmmlEngine.Errors;
using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>1 when the field equals the value, else 0.</summary>
public sealed class NormDiscretePlan(PlanExpression field, Value value, Value mapMissingTo) : PlanExpression
{
    public PlanExpression Field { get; } = field;
    public Value Value { get; } = value;
    public Value MapMissingTo { get; } = mapMissingTo;
}
