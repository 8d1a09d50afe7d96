using PmmlEngine.Errors;
using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A reference to a parameter of the user-defined function being evaluated.</summary>
public sealed class ParameterRefPlan(int index, Value mapMissingTo) : PlanExpression
{
    public int Index { get; } = index;
    public Value MapMissingTo { get; } = mapMissingTo;
}
