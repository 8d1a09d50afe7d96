using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

internal sealed class RuleSetPlanner(ModelPlanner models)
{
    /// <summary>Category labels the rules use, in document order: default score, rule scores, ScoreDistribution values.</summary>
    public static IEnumerable<string> Categories(RuleSetModel model)
    {
        if (model.DefaultScore is not null)
            yield return model.DefaultScore;
        var pending = new Stack<Rule>(model.Rules.Reverse());
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case SimpleRule simple:
                    yield return simple.Score;
                    foreach (var d in simple.Distribution)
                        yield return d.Value;
                    break;
                case CompoundRule compound:
                    foreach (var nested in compound.Rules.Reverse())
                        pending.Push(nested);
                    break;
            }
        }
    }

    public RuleSetPlan Plan(RuleSetModel model, Scope scope, TargetPlan target, int[] active)
    {
        var all = new List<RulePlan>();
        return new RuleSetPlan
        {
            Element = model,
            Target = target,
            ActiveSlots = active,
            Criterion = model.Criterion,
            Rules = model.Rules.Select(r => PlanRule(model, r, scope, target, all)).ToArray(),
            AllRules = all.ToArray(),
            DefaultScore = model.DefaultScore is null ? Value.Missing : Score(model, model.DefaultScore, target, model.Location),
            DefaultConfidence = model.DefaultConfidence,
        };
    }

    private RulePlan PlanRule(RuleSetModel model, Rule rule, Scope scope, TargetPlan target, List<RulePlan> all)
    {
        var predicate = models.Predicates.Plan(rule.Predicate, scope, model.MathContext == MathContext.Float);
        var index = all.Count;
        all.Add(null!);
        var plan = rule is CompoundRule compound
            ? new RulePlan { Predicate = predicate, Index = index, Rules = compound.Rules.Select(r => PlanRule(model, r, scope, target, all)).ToArray() }
            : new RulePlan
            {
                Predicate = predicate,
                Index = index,
                Id = ((SimpleRule)rule).Id,
                Score = Score(model, ((SimpleRule)rule).Score, target, rule.Location),
                Confidence = ((SimpleRule)rule).Confidence,
                Weight = ((SimpleRule)rule).Weight,
                Probabilities = Probabilities((SimpleRule)rule, target),
            };
        all[index] = plan;
        return plan;
    }

    private Value Score(RuleSetModel model, string text, TargetPlan target, Errors.SourceLocation location) =>
        models.Context.Parse(text, model.Function == MiningFunction.Classification ? target.DataType : DataType.Double, location);

    /// <summary>Explicit probabilities when every entry has one, else record counts over their total.</summary>
    private static double[]? Probabilities(SimpleRule rule, TargetPlan target)
    {
        if (rule.Distribution.Length == 0 || target.Categories.Length == 0)
            return null;
        var counts = new double[target.Categories.Length];
        var explicitProbabilities = rule.Distribution.All(d => d.Probability is not null) ? new double[counts.Length] : null;
        foreach (var d in rule.Distribution)
        {
            var index = target.IndexOf(ValueParser.Parse(d.Value, target.DataType));
            if (index < 0)
                continue;
            counts[index] += d.RecordCount;
            if (explicitProbabilities is not null)
                explicitProbabilities[index] = d.Probability!.Value;
        }
        var total = counts.Sum();
        return explicitProbabilities ?? (total > 0 ? counts.Select(c => c / total).ToArray() : null);
    }
}
