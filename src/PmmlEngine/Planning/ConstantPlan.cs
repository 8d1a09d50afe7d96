using PmmlEngine.Errors;
using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

public sealed class ConstantPlan(Value value) : PlanExpression
{
    public Value Value { get; } = value;
}
