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
        var defaultScore = model.DefaultScore is null ? Value.Missing : Score(model, model.DefaultScore, target, model.Location);
        var (defaultProbabilities, defaultConfidences) = model.DefaultConfidence is { } confidence
            ? Outcome(model, target, defaultScore, null, confidence)
            : (null, null);
        return new RuleSetPlan
        {
            Element = model,
            Target = target,
            ActiveSlots = active,
            Criterion = model.Criterion,
            Rules = model.Rules.Select(r => PlanRule(model, r, scope, target, all)).ToArray(),
            AllRules = all.ToArray(),
            DefaultScore = defaultScore,
            DefaultConfidence = model.DefaultConfidence,
            DefaultProbabilities = defaultProbabilities,
            DefaultConfidences = defaultConfidences,
        };
    }

    private RulePlan PlanRule(RuleSetModel model, Rule rule, Scope scope, TargetPlan target, List<RulePlan> all)
    {
        var predicate = models.Predicates.Plan(rule.Predicate, scope, model.MathContext == MathContext.Float);
        var index = all.Count;
        all.Add(null!);
        var plan = rule switch
        {
            CompoundRule compound => new RulePlan
            {
                Predicate = predicate,
                Index = index,
                Rules = compound.Rules.Select(r => PlanRule(model, r, scope, target, all)).ToArray(),
            },
            SimpleRule simple => SimplePlan(model, simple, predicate, index, target),
            _ => throw new InvalidOperationException($"unknown rule {rule.GetType().Name}"),
        };
        all[index] = plan;
        return plan;
    }

    private RulePlan SimplePlan(RuleSetModel model, SimpleRule rule, PredicatePlan predicate, int index, TargetPlan target)
    {
        var score = Score(model, rule.Score, target, rule.Location);
        var distribution = rule.Distribution.Length == 0 || target.Categories.Length == 0
            ? null
            : AlignedDistribution.Align(rule.Distribution, target).Probabilities;
        var (probabilities, confidences) = Outcome(model, target, score, distribution, rule.Confidence);
        return new RulePlan
        {
            Predicate = predicate,
            Index = index,
            Id = rule.Id,
            Score = score,
            Confidence = rule.Confidence,
            Weight = rule.Weight,
            Probabilities = probabilities,
            Confidences = confidences,
        };
    }

    /// <summary>A classification's probabilities (the distribution, else certainty of the score) and the confidence on the score's category.</summary>
    internal static (double[]? Probabilities, double[]? Confidences) Outcome(RuleSetModel model, TargetPlan target, Value score,
        double[]? distribution, double confidence)
    {
        var index = model.Function == MiningFunction.Classification ? target.IndexOf(score) : -1;
        if (index < 0)
            return (null, null);
        var confidences = new double[target.Categories.Length];
        confidences[index] = confidence;
        var probabilities = distribution ?? new double[target.Categories.Length];
        if (distribution is null)
            probabilities[index] = 1.0;
        return (probabilities, confidences);
    }

    private Value Score(RuleSetModel model, string text, TargetPlan target, Errors.SourceLocation location) =>
        models.Context.Parse(text, model.Function == MiningFunction.Classification ? target.DataType : DataType.Double, location);
}
