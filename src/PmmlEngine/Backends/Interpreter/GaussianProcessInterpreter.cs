using PmmlEngine.Functions;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// PMML 4.4 GaussianProcessModel: the predictive mean k*ᵀ·α and standard deviation √(k(x,x) − vᵀv) with L·v = k*,
/// the covariances k* between the record and the training instances. A missing input means no prediction.
/// </summary>
internal static class GaussianProcessInterpreter
{
    public static ModelResult Evaluate(GaussianProcessPlan plan, RowContext row)
    {
        var result = new ModelResult(plan.Target);
        Score(plan, row, result, new double[plan.InputSlots.Length], new double[plan.Instances.Length]);
        return result;
    }

    internal static void Score(GaussianProcessPlan plan, RowContext row, ModelResult result, double[] x, double[] k)
    {
        for (var i = 0; i < x.Length; i++)
            if (!row.Get(plan.InputSlots[i]).TryGetNumber(out x[i]))
                return;
        var mean = 0.0;
        for (var j = 0; j < k.Length; j++)
        {
            k[j] = GaussianProcessKernels.Covariance(plan.Kernel, x, plan.Instances[j]);
            mean += k[j] * plan.Alpha[j];
        }
        // Forward substitution L·v = k*, in place; then the variance is k(x,x) − vᵀv.
        var explained = 0.0;
        for (var i = 0; i < k.Length; i++)
        {
            var l = plan.Cholesky[i];
            var v = k[i];
            for (var j = 0; j < i; j++)
                v -= l[j] * k[j];
            k[i] = v / l[i];
            explained += k[i] * k[i];
        }
        var variance = GaussianProcessKernels.Covariance(plan.Kernel, x, x) - explained;
        result.Predicted = Value.Of(mean);
        result.StandardDeviation = Math.Sqrt(Math.Max(0, variance));
    }
}
