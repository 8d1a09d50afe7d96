using MathNet.Numerics.Distributions;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// PMML 4.4 BayesianNetworkModel by exact inference: P(target | evidence) ∝ Σ over the unobserved discrete nodes of the
/// product of every node's conditional probability (an observed continuous node contributes its density, an
/// unobserved continuous leaf nothing). Nodes whose field is missing are unobserved. Evidence no table explains
/// (probability 0 throughout) means no prediction.
/// </summary>
internal static class BayesianNetworkInterpreter
{
    public static ModelResult Evaluate(BayesianNetworkPlan plan, RowContext row)
    {
        var result = new ModelResult(plan.Target);
        Score(plan, row, result, new int[plan.Nodes.Length], new int[plan.Nodes.Length], new double[plan.Target.Categories.Length]);
        return result;
    }

    /// <param name="plan">The network.</param>
    /// <param name="row">The record.</param>
    /// <param name="result">Receives the posterior over the target's categories.</param>
    /// <param name="observed">Per node, the observed state or -1 (buffer).</param>
    /// <param name="states">Per node, the state being enumerated (buffer).</param>
    /// <param name="posterior">Buffer for the target's posterior.</param>
    internal static void Score(BayesianNetworkPlan plan, RowContext row, ModelResult result, int[] observed, int[] states, double[] posterior)
    {
        // Evidence: a discrete node's state, -1 when unobserved; continuous nodes are read where they are used.
        for (var n = 0; n < plan.Nodes.Length; n++)
        {
            var node = plan.Nodes[n];
            observed[n] = -1;
            if (node.Slot < 0 || node.Continuous)
                continue;
            var value = row.Get(node.Slot);
            if (value.HasValue)
                observed[n] = Array.IndexOf(node.States, value) is var k and >= 0 ? k
                    : throw new Errors.PmmlEvaluationException($"'{value}' is not a state of node '{node.Name}'", node.Name);
        }
        Array.Clear(posterior);
        Array.Copy(observed, states, states.Length);
        Enumerate(plan, row, 0, 1.0, states, observed, posterior);
        var total = posterior.Sum();
        if (total <= 0 || double.IsNaN(total))
            return;
        for (var k = 0; k < posterior.Length; k++)
            posterior[k] /= total;
        result.SetDistribution(posterior);
    }

    private static void Enumerate(BayesianNetworkPlan plan, RowContext row, int n, double weight, int[] states, int[] observed, double[] posterior)
    {
        if (weight == 0)
            return;
        if (n == plan.Nodes.Length)
        {
            posterior[states[plan.TargetNode]] += weight;
            return;
        }
        var node = plan.Nodes[n];
        var configuration = 0;
        foreach (var parent in node.Parents)
            configuration = configuration * plan.Nodes[parent].States.Length + states[parent];
        if (node.Continuous)
        {
            var factor = node.Slot >= 0 && row.Get(node.Slot).TryGetNumber(out var x) ? Density(node.Distributions[configuration]!, x) : 1.0;
            Enumerate(plan, row, n + 1, weight * factor, states, observed, posterior);
            return;
        }
        var probabilities = node.Probabilities[configuration];
        if (observed[n] >= 0)
        {
            Enumerate(plan, row, n + 1, weight * probabilities[observed[n]], states, observed, posterior);
            return;
        }
        for (var k = 0; k < probabilities.Length; k++)
        {
            states[n] = k;
            Enumerate(plan, row, n + 1, weight * probabilities[k], states, observed, posterior);
        }
        states[n] = -1;
    }

    private static double Density(BayesianDistribution distribution, double x) => distribution.Kind switch
    {
        "normal" => Normal.PDF(distribution.Mean, Math.Sqrt(distribution.Variance), x),
        "lognormal" => x <= 0 ? 0 : LogNormal.PDF(distribution.Mean, Math.Sqrt(distribution.Variance), x),
        "uniform" => x >= distribution.Lower && x <= distribution.Upper ? 1 / (distribution.Upper - distribution.Lower) : 0,
        _ => x < distribution.Lower || x > distribution.Upper ? 0 : Triangular.PDF(distribution.Lower, distribution.Upper, distribution.Mean, x),
    };
}
