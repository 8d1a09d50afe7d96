using PmmlEngine.Errors;
using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

public sealed class DiscretizePlan(PlanExpression field, Interval[] intervals, Value[] binValues, Value mapMissingTo, Value defaultValue) : PlanExpression
{
    public PlanExpression Field { get; } = field;
    public Interval[] Intervals { get; } = intervals;
    public Value[] BinValues { get; } = binValues;
    public Value MapMissingTo { get; } = mapMissingTo;
    public Value DefaultValue { get; } = defaultValue;
}
