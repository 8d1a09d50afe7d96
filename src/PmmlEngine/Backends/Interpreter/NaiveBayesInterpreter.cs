using PmmlEngine.Functions;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// PMML 4.4 NaiveBayesModel: P(category | inputs) ∝ count(category) · Π P(input | category), summed in log space and
/// normalized at the end. A missing input, or a value no PairCounts lists, contributes nothing; a zero count
/// contributes the threshold; a continuous input contributes its Gaussian or Poisson density, never below the threshold.
/// </summary>
internal static class NaiveBayesInterpreter
{
    public static ModelResult Evaluate(NaiveBayesPlan plan, RowContext row)
    {
        var result = new ModelResult(plan.Target);
        Score(plan, row, result, new double[plan.LogPriors.Length]);
        return result;
    }

    internal static void Score(NaiveBayesPlan plan, RowContext row, ModelResult result, double[] logs)
    {
        Array.Copy(plan.LogPriors, logs, logs.Length);
        foreach (var input in plan.Inputs)
        {
            var value = row.Get(input.Slot);
            if (value.IsMissing)
                continue;
            if (input.LogProbabilities is { } table)
            {
                if (table.TryGetValue(value, out var probabilities))
                    for (var k = 0; k < logs.Length; k++)
                        logs[k] += probabilities[k];
                continue;
            }
            if (!value.TryGetNumber(out var x))
                continue;
            for (var k = 0; k < logs.Length; k++)
                logs[k] += Math.Log(Math.Max(Density(input.Distributions![k], x), plan.Threshold));
        }
        var max = double.NegativeInfinity;
        foreach (var l in logs)
            max = Math.Max(max, l);
        if (double.IsNegativeInfinity(max))
            return;
        ProbabilityNormalization.Softmax(logs, logs);
        result.SetDistribution(logs);
    }

    private static double Density((bool Poisson, double Mean, double Variance) distribution, double x)
    {
        var (poisson, mean, variance) = distribution;
        if (double.IsNaN(mean))
            return 0;
        return poisson ? Distributions.PoissonProbability(x, mean) : Distributions.GaussianDensity(x, mean, variance);
    }
}
