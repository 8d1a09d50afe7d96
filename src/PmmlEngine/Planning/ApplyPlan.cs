using PmmlEngine.Errors;
using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>An Apply of a built-in function with the Apply's missing and invalid value handling.</summary>
public sealed class ApplyPlan(
    BuiltinFunction function, PlanExpression[] arguments, Value mapMissingTo, Value defaultValue, InvalidValueTreatment invalidTreatment, SourceLocation location)
    : PlanExpression
{
    public BuiltinFunction Function { get; } = function;
    public PlanExpression[] Arguments { get; } = arguments;
    public Value MapMissingTo { get; } = mapMissingTo;
    public Value DefaultValue { get; } = defaultValue;
    public InvalidValueTreatment InvalidTreatment { get; } = invalidTreatment;
    public SourceLocation Location { get; } = location;
}
