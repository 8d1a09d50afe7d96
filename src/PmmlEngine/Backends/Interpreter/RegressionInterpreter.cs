using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>PMML 4.4 RegressionModel: linear predictors per table, then normalizationMethod.</summary>
internal static class RegressionInterpreter
{
    public static ModelResult Evaluate(RegressionPlan model, RowContext row)
    {
        var result = new ModelResult(model.Target);
        var scores = new double[model.Tables.Length];
        for (var t = 0; t < scores.Length; t++)
        {
            var score = model.IsFloat ? TableFloat(model.Tables[t], row) : Table(model.Tables[t], row);
            if (score is null)
                return result;
            scores[t] = score.Value;
        }
        Finish(model, scores, result, new double[scores.Length], new double[model.Target.Categories.Length]);
        return result;
    }

    /// <summary>
    /// From the tables' linear predictors to the prediction: the link function for regression, normalised probabilities
    /// aligned with the target's categories for classification. The buffers let compiled callers reuse memory.
    /// </summary>
    internal static void Finish(RegressionPlan model, ReadOnlySpan<double> scores, ModelResult result, double[] probabilities, double[] aligned)
    {
        if (model.Function != MiningFunction.Classification)
        {
            var y = scores[0];
            result.Predicted = Value.Of(model.IsFloat ? LinkFunctions.Apply(model.Normalization, (float)y) : LinkFunctions.Apply(model.Normalization, y));
            return;
        }
        Distribution(model, scores, probabilities, aligned);
        result.SetDistribution(aligned);
    }

    /// <summary>A classification's normalised probabilities, per table in <paramref name="probabilities"/> and aligned with the target's categories in <paramref name="aligned"/>.</summary>
    internal static void Distribution(RegressionPlan model, ReadOnlySpan<double> scores, double[] probabilities, double[] aligned)
    {
        if (model.IsFloat)
            NormalizeFloat(model.Normalization, scores, probabilities);
        else
            Normalize(model.Normalization, scores, probabilities);
        Array.Clear(aligned);
        for (var t = 0; t < scores.Length; t++)
        {
            var index = model.Tables[t].CategoryIndex;
            if (index >= 0)
                aligned[index] = probabilities[t];
        }
    }

    /// <summary>The table's linear predictor, or null when a numeric input is missing (no prediction).</summary>
    private static double? Table(RegressionTablePlan table, RowContext row)
    {
        var y = table.Intercept;
        foreach (var (slot, exponent, coefficient) in table.Numeric)
        {
            if (!row.Get(slot).TryGetNumber(out var x))
                return null;
            y += coefficient * (exponent == 1 ? x : Math.Pow(x, exponent));
        }
        foreach (var (slot, value, coefficient) in table.Categorical)
            if (row.Get(slot).Equals(value))
                y += coefficient;
        foreach (var (slots, coefficient) in table.Interactions)
        {
            var product = coefficient;
            foreach (var slot in slots)
            {
                if (!row.Get(slot).TryGetNumber(out var x))
                    return null;
                product *= x;
            }
            y += product;
        }
        return y;
    }

    private static double? TableFloat(RegressionTablePlan table, RowContext row)
    {
        var y = (float)table.Intercept;
        foreach (var (slot, exponent, coefficient) in table.Numeric)
        {
            if (!row.Get(slot).TryGetNumber(out var x))
                return null;
            y += (float)coefficient * (exponent == 1 ? (float)x : MathF.Pow((float)x, (float)exponent));
        }
        foreach (var (slot, value, coefficient) in table.Categorical)
            if (row.Get(slot).Equals(value))
                y += (float)coefficient;
        foreach (var (slots, coefficient) in table.Interactions)
        {
            var product = (float)coefficient;
            foreach (var slot in slots)
            {
                if (!row.Get(slot).TryGetNumber(out var x))
                    return null;
                product *= (float)x;
            }
            y += product;
        }
        return y;
    }

    /// <summary>
    /// softmax and simplemax normalise over all categories; the link functions map each score on its own, and with two
    /// categories the second is one minus the first (PMML 4.4 Regression, binary classification).
    /// </summary>
    private static void Normalize(RegressionNormalization method, ReadOnlySpan<double> scores, Span<double> p)
    {
        switch (method)
        {
            case RegressionNormalization.Softmax:
                ProbabilityNormalization.Softmax(scores, p);
                return;
            case RegressionNormalization.Simplemax:
                ProbabilityNormalization.Simplemax(scores, p);
                return;
            default:
                var binary = Binary(method, p.Length);
                for (var i = 0; i < (binary ? 1 : p.Length); i++) p[i] = LinkFunctions.Apply(method, scores[i]);
                if (binary)
                    p[1] = 1.0 - p[0];
                return;
        }
    }

    /// <summary>The float32 variant: every intermediate is a float, as XGBoost computes it.</summary>
    private static void NormalizeFloat(RegressionNormalization method, ReadOnlySpan<double> scores, Span<double> p)
    {
        switch (method)
        {
            case RegressionNormalization.Softmax:
                var max = float.NegativeInfinity;
                foreach (var s in scores) max = Math.Max(max, (float)s);
                var sum = 0.0f;
                for (var i = 0; i < p.Length; i++)
                {
                    var e = MathF.Exp((float)scores[i] - max);
                    p[i] = e;
                    sum += e;
                }
                for (var i = 0; i < p.Length; i++) p[i] = (float)p[i] / sum;
                return;
            case RegressionNormalization.Simplemax:
                var total = 0.0f;
                foreach (var s in scores) total += (float)s;
                for (var i = 0; i < p.Length; i++) p[i] = (float)scores[i] / total;
                return;
            default:
                var binary = Binary(method, p.Length);
                for (var i = 0; i < (binary ? 1 : p.Length); i++) p[i] = LinkFunctions.Apply(method, (float)scores[i]);
                if (binary)
                    p[1] = 1.0f - (float)p[0];
                return;
        }
    }

    /// <summary>Whether the second of two categories is one minus the first, whose score alone then goes through the link.</summary>
    private static bool Binary(RegressionNormalization method, int categories) =>
        categories == 2 && (LinkFunctions.IsPerCategory(method) || method == RegressionNormalization.None);
}
