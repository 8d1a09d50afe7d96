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
                Numeric = table.NumericPredictors
                    .Select(p => (context.Resolve(scope, p.Field, model.Location, "NumericPredictor field"), p.Exponent, p.Coefficient)).ToArray(),
                Categorical = table.CategoricalPredictors.Select(p =>
                {
                    var slot = context.Resolve(scope, p.Field, model.Location, "CategoricalPredictor field");
                    return (slot, context.Parse(p.Value, context.TypeOf(slot), model.Location), p.Coefficient);
                }).ToArray(),
                Interactions = table.PredictorTerms
                    .Select(t => (t.Fields.Select(f => context.Resolve(scope, f, model.Location, "PredictorTerm field")).ToArray(), t.Coefficient)).ToArray(),
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
}
