using PmmlEngine.Errors;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// PMML 4.4 Scorecard. The score is initialScore plus, per characteristic, the points of its first attribute whose
/// predicate is true. A characteristic with no true attribute makes the whole result invalid (an error naming it); a
/// ComplexPartialScore that is missing means no prediction. Each scoring attribute adds baseline − points
/// (pointsBelow) or points − baseline (pointsAbove) to its reason code.
/// </summary>
internal static class ScorecardInterpreter
{
    public static ModelResult Evaluate(ScorecardPlan plan, RowContext row)
    {
        var result = new ModelResult(plan.Target);
        Score(plan, row, result, new ReasonCodeTally(plan.ReasonCodes),
            (a, r) => PredicateInterpreter.Evaluate(a.Predicate, r), (a, r) => ExpressionInterpreter.Evaluate(a.Complex!, r, []));
        return result;
    }

    internal static void Score(ScorecardPlan plan, RowContext row, ModelResult result, ReasonCodeTally tally,
        Func<ScorecardAttributePlan, RowContext, Truth> test, Func<ScorecardAttributePlan, RowContext, Value> complex)
    {
        tally.Reset();
        var score = plan.InitialScore;
        foreach (var characteristic in plan.Characteristics)
        {
            ScorecardAttributePlan? scoring = null;
            foreach (var attribute in characteristic.Attributes)
            {
                if (test(attribute, row) == Truth.True)
                {
                    scoring = attribute;
                    break;
                }
            }
            if (scoring is null)
                throw new PmmlEvaluationException($"no Attribute of Characteristic '{characteristic.Name}' is true for this record, so the Scorecard has no valid score",
                    location: characteristic.Location);
            var points = scoring.PartialScore;
            if (scoring.Complex is not null && !complex(scoring, row).TryGetNumber(out points))
                return;
            score += points;
            if (plan.UseReasonCodes)
                tally.Add(scoring.ReasonCode, plan.PointsAbove ? points - characteristic.Baseline : characteristic.Baseline - points);
        }
        result.Predicted = Value.Of(score);
        if (plan.UseReasonCodes)
            result.ReasonCodes = tally;
    }
}
