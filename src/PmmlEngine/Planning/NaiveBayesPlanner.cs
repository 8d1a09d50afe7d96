using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

internal sealed class NaiveBayesPlanner(ModelPlanner models)
{
    private PlanningContext Context => models.Context;

    public static IEnumerable<string> Categories(NaiveBayesModel model) => model.TargetCounts.Select(c => c.Category);

    public NaiveBayesPlan Plan(NaiveBayesModel model, Scope scope, TargetPlan target, int[] active)
    {
        var categories = target.Categories.Length;
        var logPriors = Enumerable.Repeat(double.NegativeInfinity, categories).ToArray();
        foreach (var (category, count) in model.TargetCounts)
            if (Index(target, category, model.Location) is var k and >= 0)
                logPriors[k] = Math.Log(count);
        return new NaiveBayesPlan
        {
            Element = model,
            Target = target,
            ActiveSlots = active,
            LogPriors = logPriors,
            Inputs = model.Inputs.Select(i => PlanInput(model, i, scope, target)).ToArray(),
            Threshold = model.Threshold,
        };
    }

    private NaiveBayesInputPlan PlanInput(NaiveBayesModel model, BayesInput input, Scope scope, TargetPlan target)
    {
        var categories = target.Categories.Length;
        var slot = Context.Resolve(scope, input.Field, input.Location, "BayesInput");
        if (input.Stats.Length > 0)
        {
            // A category without a TargetValueStat has no evidence from this input: the threshold stands in.
            var distributions = Enumerable.Repeat((false, double.NaN, double.NaN), categories).ToArray();
            foreach (var (category, distribution) in input.Stats)
            {
                if (!distribution.Poisson && distribution.Variance <= 0)
                    Context.Error(MarkupProblemKind.InvalidAttribute, $"GaussianDistribution for '{input.Field}' needs a positive variance", input.Location);
                if (Index(target, category, input.Location) is var k and >= 0)
                    distributions[k] = (distribution.Poisson, distribution.Mean, distribution.Variance);
            }
            return new NaiveBayesInputPlan(slot, null, distributions);
        }

        var valueType = slot < 0 ? DataType.String : Context.TypeOf(slot);
        if (input.Binning is { } binning)
        {
            var binned = new DerivedSlot(binning.Name, binning.DataType, binning.OpType ?? Planner.DefaultOpType(binning.DataType), binning.Location);
            slot = Context.Add(binned);
            binned.Expression = models.Expressions.Plan(binning.Expression, scope);
            valueType = binning.DataType;
        }
        // P(value | category) = count / the category's count over all of this input's values; a zero count is the threshold.
        var sums = new double[categories];
        foreach (var (_, counts) in input.PairCounts)
            foreach (var (category, count) in counts)
                if (target.IndexOf(ValueParser.Parse(category, target.DataType)) is var k and >= 0)
                    sums[k] += count;
        var table = new Dictionary<Value, double[]>();
        foreach (var (text, counts) in input.PairCounts)
        {
            var logs = Enumerable.Repeat(Math.Log(model.Threshold), categories).ToArray();
            foreach (var (category, count) in counts)
                if (Index(target, category, input.Location) is var k and >= 0 && count > 0)
                    logs[k] = Math.Log(count / sums[k]);
            if (!table.TryAdd(Context.Parse(text, valueType, input.Location), logs))
                Context.Error(MarkupProblemKind.InvalidElement, $"BayesInput '{input.Field}' lists PairCounts value '{text}' twice", input.Location);
        }
        return new NaiveBayesInputPlan(slot, table, null);
    }

    private int Index(TargetPlan target, string category, SourceLocation location)
    {
        var index = target.IndexOf(Context.Parse(category, target.DataType, location));
        if (index < 0)
            Context.Error(MarkupProblemKind.InvalidAttribute, $"'{category}' is not a category of target '{target.FieldName}'", location);
        return index;
    }
}
