using PmmlEngine.Errors;
using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>An Apply of a DefineFunction: arguments are bound to the body's parameters by position.</summary>
public sealed class CallPlan(
    UserFunction function, PlanExpression[] arguments, Value mapMissingTo, Value defaultValue, SourceLocation location)
    : PlanExpression
{
    public UserFunction Function { get; } = function;
    public PlanExpression[] Arguments { get; } = arguments;
    public Value MapMissingTo { get; } = mapMissingTo;
    public Value DefaultValue { get; } = defaultValue;
    public SourceLocation Location { get; } = location;
}
