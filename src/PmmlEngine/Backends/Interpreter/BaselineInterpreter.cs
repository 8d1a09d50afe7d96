using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// PMML 4.4 BaselineModel over a record's value or a sequence of values (a collection). zValue: (x̄ − μ)/(σ/√n), the
/// ordinary z of a single value; CUSUM: Z ← max(reset, Z + ln f₁(x)/f₀(x)) from Z = 0 over the sequence;
/// chiSquareDistribution: Σ (observed − expected)²/expected over the baseline's values, expected = n · its share of the
/// CountTable. A missing value or an empty sequence means no score.
/// </summary>
internal static class BaselineInterpreter
{
    public static ModelResult Evaluate(BaselinePlan plan, RowContext row)
    {
        var result = new ModelResult(plan.Target);
        Score(plan, row, result);
        return result;
    }

    internal static void Score(BaselinePlan plan, RowContext row, ModelResult result)
    {
        var value = row.Get(plan.Slot);
        IReadOnlyList<Value> sequence = value.Kind == ValueKind.Collection ? (IReadOnlyList<Value>)value.Payload! : value.HasValue ? [value] : [];
        if (sequence.Count > 0 && Statistic(plan, sequence) is { } statistic)
            result.Predicted = Value.Of(statistic);
    }

    private static double? Statistic(BaselinePlan plan, IReadOnlyList<Value> sequence)
    {
        switch (plan.Statistic)
        {
            case BaselineStatistic.ZValue:
                var sum = 0.0;
                foreach (var v in sequence)
                {
                    if (!v.TryGetNumber(out var x))
                        return null;
                    sum += x;
                }
                var baseline = plan.Baseline!;
                return (sum / sequence.Count - baseline.Mean) / Math.Sqrt(baseline.Variance / sequence.Count);
            case BaselineStatistic.Cusum:
                var z = 0.0;
                foreach (var v in sequence)
                {
                    if (!v.TryGetNumber(out var x))
                        return null;
                    z = Math.Max(plan.ResetValue, z + Math.Log(Density(plan.Alternate!, x) / Density(plan.Baseline!, x)));
                }
                return z;
            default:
                var observed = new Dictionary<Value, int>();
                foreach (var v in sequence)
                    observed[v] = observed.GetValueOrDefault(v) + 1;
                var chiSquare = 0.0;
                foreach (var (category, share) in plan.ExpectedShares)
                {
                    var expected = sequence.Count * share;
                    var difference = observed.GetValueOrDefault(category) - expected;
                    chiSquare += difference * difference / expected;
                }
                return chiSquare;
        }
    }

    private static double Density(BaselineDistribution distribution, double x) => distribution.Type switch
    {
        BaselineDistributionType.Gaussian => Distributions.GaussianDensity(x, distribution.Mean, distribution.Variance),
        BaselineDistributionType.Poisson => Distributions.PoissonProbability(x, distribution.Mean),
        _ => x >= distribution.Lower && x <= distribution.Upper ? 1.0 / (distribution.Upper - distribution.Lower) : 0.0,
    };
}
