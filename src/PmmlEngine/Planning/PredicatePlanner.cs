using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

internal sealed class PredicatePlanner(PlanningContext context)
{
    public PredicatePlan Plan(Predicate predicate, Scope scope, bool asFloat) => predicate switch
    {
        ConstantPredicate c => c.Value ? PredicatePlan.AlwaysTrue : new ConstantPredicatePlan(false),
        SimplePredicate s => PlanSimple(s, scope, asFloat),
        SimpleSetPredicate s => PlanSet(s, scope),
        CompoundPredicate c => new CompoundPredicatePlan(c.Operator, c.Predicates.Select(p => Plan(p, scope, asFloat)).ToArray()),
        _ => throw new InvalidOperationException($"unknown predicate {predicate.GetType().Name}"),
    };

    private SimplePredicatePlan PlanSimple(SimplePredicate predicate, Scope scope, bool asFloat)
    {
        var slot = context.Resolve(scope, predicate.Field, predicate.Location);
        var type = ComparisonType(context.TypeOf(slot), asFloat);
        var constant = predicate.Operator is ComparisonOperator.IsMissing or ComparisonOperator.IsNotMissing
            ? Value.Missing
            : context.Parse(predicate.Value, type, predicate.Location);
        return new SimplePredicatePlan(slot, predicate.Operator, constant, asFloat && IsNumeric(type));
    }

    private SetPredicatePlan PlanSet(SimpleSetPredicate predicate, Scope scope)
    {
        var slot = context.Resolve(scope, predicate.Field, predicate.Location);
        var type = ComparisonType(context.TypeOf(slot), false);
        return new SetPredicatePlan(slot, predicate.IsIn, predicate.Values.Select(v => context.Parse(v, type, predicate.Location)).ToHashSet());
    }

    /// <summary>Thresholds of integer fields are often fractional (Age &lt; 35.5): numeric fields compare as numbers.</summary>
    private static DataType ComparisonType(DataType fieldType, bool asFloat) => fieldType switch
    {
        DataType.Integer or DataType.Double or DataType.Float => asFloat ? DataType.Float : DataType.Double,
        _ => fieldType,
    };

    private static bool IsNumeric(DataType type) => type is DataType.Float or DataType.Double;
}
