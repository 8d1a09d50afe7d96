using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// PMML 4.4 SupportVectorMachineModel. Each machine computes f(x) = Σ αᵢ·K(x, vᵢ) + b, with every kernel value computed
/// once per record and shared by the machines. Regression predicts f(x). A binary or one-against-one machine votes for
/// its target category when f(x) &lt; threshold (f(x) &gt; threshold with maxWins), else for its alternate; the most
/// votes win. One-against-all predicts the category whose machine has the smallest f(x) (the largest with maxWins).
/// Ties go to the category listed first. A missing input means no prediction.
/// </summary>
internal static class SupportVectorMachineInterpreter
{
    public static ModelResult Evaluate(SupportVectorMachinePlan plan, RowContext row)
    {
        var result = new ModelResult(plan.Target);
        Score(plan, row, result, new double[plan.Inputs.Length], new double[plan.Vectors.Length], new double[Math.Max(plan.Target.Categories.Length, plan.Machines.Length)]);
        return result;
    }

    internal static void Score(SupportVectorMachinePlan plan, RowContext row, ModelResult result, double[] x, double[] kernels, double[] tally)
    {
        for (var i = 0; i < plan.Inputs.Length; i++)
        {
            var input = plan.Inputs[i];
            var value = row.Get(input.Slot);
            if (value.IsMissing)
                return;
            if (input.Category.HasValue)
                x[i] = value.Equals(input.Category) ? input.Coefficient : 0.0;
            else if (!value.TryGetNumber(out x[i]))
                return;
        }
        var inputs = x;
        if (!plan.Linear)
        {
            for (var v = 0; v < plan.Vectors.Length; v++)
                kernels[v] = Kernel(plan.Kernel, x, plan.Vectors[v]);
            inputs = kernels;
        }

        if (plan.Function != MiningFunction.Classification)
        {
            result.Predicted = Value.Of(Decision(plan.Machines[0], inputs));
            return;
        }
        Array.Clear(tally);
        var best = 0;
        if (plan.Machines.Length > 1 && !plan.OneAgainstOne)
        {
            // One against all: tally[m] holds each machine's decision value.
            for (var m = 0; m < plan.Machines.Length; m++)
            {
                tally[m] = Decision(plan.Machines[m], inputs);
                if (plan.MaxWins ? tally[m] > tally[best] : tally[m] < tally[best])
                    best = m;
            }
            result.Predicted = plan.Target.Categories[plan.Machines[best].Target];
            return;
        }
        // Binary and one against one: tally[c] counts the votes for category c.
        foreach (var machine in plan.Machines)
        {
            var f = Decision(machine, inputs);
            var vote = (plan.MaxWins ? f > machine.Threshold : f < machine.Threshold) ? machine.Target : machine.Alternate;
            if (vote >= 0)
                tally[vote]++;
        }
        for (var c = 1; c < plan.Target.Categories.Length; c++)
            if (tally[c] > tally[best])
                best = c;
        if (tally[best] > 0)
            result.Predicted = plan.Target.Categories[best];
    }

    private static double Decision(SvmMachinePlan machine, double[] inputs)
    {
        var f = machine.Bias;
        for (var i = 0; i < machine.Vectors.Length; i++)
            f += machine.Coefficients[i] * inputs[machine.Vectors[i]];
        return f;
    }

    private static double Kernel(SvmKernel kernel, double[] x, double[] v)
    {
        if (kernel.Type == SvmKernelType.RadialBasis)
        {
            var distance = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                var d = x[i] - v[i];
                distance += d * d;
            }
            return Math.Exp(-kernel.Gamma * distance);
        }
        var dot = 0.0;
        for (var i = 0; i < x.Length; i++)
            dot += x[i] * v[i];
        return kernel.Type switch
        {
            SvmKernelType.Polynomial => Math.Pow(kernel.Gamma * dot + kernel.Coef0, kernel.Degree),
            SvmKernelType.Sigmoid => Math.Tanh(kernel.Gamma * dot + kernel.Coef0),
            _ => dot,
        };
    }
}
