using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// PMML 4.4 RuleSetModel. A rule fires when its predicate is true (unknown does not fire); a compound rule's nested
/// rules are considered only when its own predicate is true. firstHit takes the first firing rule in document order,
/// weightedMax the firing rule with the largest weight (the first of equals), weightedSum the score whose firing rules
/// have the largest total weight, with that total over the number of firing rules as its confidence. When no rule
/// fires the RuleSet's defaultScore and defaultConfidence apply.
/// </summary>
internal static class RuleSetInterpreter
{
    public static ModelResult Evaluate(RuleSetPlan plan, RowContext row)
    {
        var result = new ModelResult(plan.Target);
        Select(plan, row, result, Test, []);
        return result;
    }

    private static Truth Test(RulePlan rule, RowContext row) => PredicateInterpreter.Evaluate(rule.Predicate, row);

    /// <summary>
    /// Applies the selection criterion; <paramref name="test"/> evaluates a rule's predicate (interpreted or compiled)
    /// and <paramref name="firing"/> is a buffer the caller may reuse between records.
    /// </summary>
    internal static void Select(RuleSetPlan plan, RowContext row, ModelResult result, Func<RulePlan, RowContext, Truth> test, List<RulePlan> firing)
    {
        firing.Clear();
        Collect(plan.Rules, row, firing, plan.Criterion == RuleSelectionCriterion.FirstHit, test);
        if (firing.Count == 0)
        {
            result.Predicted = plan.DefaultScore;
            result.Probabilities = plan.DefaultProbabilities;
            result.Confidences = plan.DefaultConfidences;
            return;
        }
        switch (plan.Criterion)
        {
            case RuleSelectionCriterion.WeightedSum:
                var totals = new List<(Value Score, double Weight)>();
                foreach (var rule in firing)
                {
                    var k = totals.FindIndex(t => t.Score.Equals(rule.Score));
                    if (k < 0)
                        totals.Add((rule.Score, rule.Weight));
                    else
                        totals[k] = (rule.Score, totals[k].Weight + rule.Weight);
                }
                var best = 0;
                for (var k = 1; k < totals.Count; k++)
                    if (totals[k].Weight > totals[best].Weight)
                        best = k;
                result.Predicted = totals[best].Score;
                // The confidence depends on how many rules fired, so only this criterion builds its arrays per record.
                (result.Probabilities, result.Confidences) = RuleSetPlanner.Outcome((RuleSetModel)plan.Element, plan.Target,
                    result.Predicted, null, totals[best].Weight / firing.Count);
                return;
            default:
                var winner = firing[0];
                if (plan.Criterion == RuleSelectionCriterion.WeightedMax)
                    foreach (var rule in firing)
                        if (rule.Weight > winner.Weight)
                            winner = rule;
                result.Predicted = winner.Score;
                result.EntityId = winner.Id;
                result.Probabilities = winner.Probabilities;
                result.Confidences = winner.Confidences;
                return;
        }
    }

    /// <summary>Gathers firing simple rules in document order; firstHit stops at the first.</summary>
    private static bool Collect(RulePlan[] rules, RowContext row, List<RulePlan> firing, bool firstOnly, Func<RulePlan, RowContext, Truth> test)
    {
        foreach (var rule in rules)
        {
            if (test(rule, row) != Truth.True)
                continue;
            if (rule.Rules is { } nested)
            {
                if (Collect(nested, row, firing, firstOnly, test))
                    return true;
                continue;
            }
            firing.Add(rule);
            if (firstOnly)
                return true;
        }
        return false;
    }
}
