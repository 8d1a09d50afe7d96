using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

internal static class RegressionPlanner
{
    public static RegressionPlan Plan(ModelPlanner models, RegressionModel model, Scope scope, TargetPlan target, int[] active)
    {
        var context = models.Context;
        var tables = model.Tables.Select(table =>
        {
            var category = table.TargetCategory is null ? Value.Missing : ValueParser.Parse(table.TargetCategory, target.DataType);
            return new RegressionTablePlan
            {
                Intercept = table.Intercept,
                Category = category,
                CategoryIndex = target.IndexOf(category),
                Numeric = Numeric(table, context, scope, model),
                Categorical = Categorical(table, context, scope, model),
                Interactions = Interactions(table, context, scope, model),
            };
        }).ToArray();
        return new RegressionPlan
        {
            Element = model,
            Target = target,
            ActiveSlots = active,
            Tables = tables,
            Normalization = model.Normalization,
        };
    }

    // Loops filling arrays of tuples, not LINQ over them: LINQ's generic code over value tuples is not precompiled, and
    // every regression's load JIT-compiled it.
    private static (int Slot, double Exponent, double Coefficient)[] Numeric(RegressionTable table, PlanningContext context, Scope scope, RegressionModel model)
    {
        var numeric = new (int, double, double)[table.NumericPredictors.Length];
        for (var i = 0; i < numeric.Length; i++)
        {
            var p = table.NumericPredictors[i];
            numeric[i] = (context.Resolve(scope, p.Field, model.Location, "NumericPredictor field"), p.Exponent, p.Coefficient);
        }
        return numeric;
    }

    private static (int Slot, Value Value, double Coefficient)[] Categorical(RegressionTable table, PlanningContext context, Scope scope, RegressionModel model)
    {
        var categorical = new (int, Value, double)[table.CategoricalPredictors.Length];
        for (var i = 0; i < categorical.Length; i++)
        {
            var p = table.CategoricalPredictors[i];
            var slot = context.Resolve(scope, p.Field, model.Location, "CategoricalPredictor field");
            categorical[i] = (slot, context.Parse(p.Value, context.TypeOf(slot), model.Location), p.Coefficient);
        }
        return categorical;
    }

    private static (int[] Slots, double Coefficient)[] Interactions(RegressionTable table, PlanningContext context, Scope scope, RegressionModel model)
    {
        var interactions = new (int[], double)[table.PredictorTerms.Length];
        for (var i = 0; i < interactions.Length; i++)
        {
            var term = table.PredictorTerms[i];
            var slots = new int[term.Fields.Length];
            for (var k = 0; k < slots.Length; k++)
                slots[k] = context.Resolve(scope, term.Fields[k], model.Location, "PredictorTerm field");
            interactions[i] = (slots, term.Coefficient);
        }
        return interactions;
    }
}
