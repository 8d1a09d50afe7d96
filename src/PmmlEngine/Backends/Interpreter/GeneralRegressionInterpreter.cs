using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// PMML 4.4 GeneralRegressionModel. Each parameter's value is the product of its PPMatrix terms (1 for none: the
/// intercept); each equation's linear predictor η is Σ β·x. regression and generalLinear predict η + offset;
/// generalizedLinear the inverse link of η + offset, times the trials; multinomialLogistic exp(η) normalized, with η = 0
/// for categories without coefficients (the reference); ordinalMultinomial differences of the cumulative link of each
/// category's η + offset. A category with PPCells of its own uses those instead of the shared ones; a factor with a
/// contrast matrix contributes the matrix cell at (the record's category, the PPCell's category). A missing predictor, offset or trials value means no prediction.
/// </summary>
internal static class GeneralRegressionInterpreter
{
    public static ModelResult Evaluate(GeneralRegressionPlan plan, RowContext row)
    {
        var result = new ModelResult(plan.Target);
        Score(plan, row, result, new double[plan.Parameters.Length], new double[plan.Target.Categories.Length]);
        return result;
    }

    internal static void Score(GeneralRegressionPlan plan, RowContext row, ModelResult result, double[] x, double[] probabilities)
    {
        if (!Fill(plan, row, x, -1) || !Optional(row, plan.OffsetSlot, plan.Offset, out var offset))
            return;

        switch (plan.Type)
        {
            case GeneralRegressionType.MultinomialLogistic or GeneralRegressionType.OrdinalMultinomial:
                if (plan.Type == GeneralRegressionType.MultinomialLogistic)
                    Multinomial(plan, row, x, probabilities);
                else
                    Ordinal(plan, row, x, offset, probabilities);
                // A predictor of one category's equation was missing.
                if (Array.Exists(probabilities, double.IsNaN))
                    return;
                result.SetDistribution(probabilities);
                return;
            case GeneralRegressionType.CoxRegression:
                if (CumulativeHazard(plan.Cox!, row, Dot(plan.Equations[0], x)) is { } hazard)
                    result.Predicted = Value.Of(hazard);
                return;
        }
        if (!Optional(row, plan.TrialsSlot, plan.Trials, out var trials))
            return;
        var eta = Dot(plan.Equations[0], x) + offset;
        result.Predicted = Value.Of(plan.Type == GeneralRegressionType.GeneralizedLinear
            ? GlmLinks.Inverse(plan.Link, eta, plan.LinkParameter) * trials
            : eta);
        // The standard error of the linear prediction, √(xᵀ·Σ·x); a generalized model's mean is not linear, so it has none here.
        if (plan.Covariance is { } covariance && plan.Type != GeneralRegressionType.GeneralizedLinear)
        {
            var variance = 0.0;
            for (var i = 0; i < x.Length; i++)
                for (var j = 0; j < x.Length; j++)
                    variance += x[i] * covariance[i][j] * x[j];
            result.StandardError = Math.Sqrt(variance);
        }
    }

    /// <summary>
    /// H(t) = H₀(t)·exp(η − Σβ·referencePoint), H₀ the stratum's baseline at the last time not after t (0 before the
    /// first); no prediction after the baseline's maxTime, for an unknown stratum or a missing time.
    /// </summary>
    private static double? CumulativeHazard(CoxPlan cox, RowContext row, double eta)
    {
        if (!row.Get(cox.TimeSlot).TryGetNumber(out var time))
            return null;
        CoxBaselinePlan? baseline = null;
        if (cox.StrataSlot < 0)
            baseline = cox.Baselines[0];
        else
        {
            var stratum = row.Get(cox.StrataSlot);
            foreach (var candidate in cox.Baselines)
                if (candidate.Stratum.Equals(stratum))
                    baseline = candidate;
        }
        if (baseline is null || time > baseline.MaxTime)
            return null;
        var index = Array.BinarySearch(baseline.Times, time);
        if (index < 0)
            index = ~index - 1;
        else
            while (index + 1 < baseline.Times.Length && baseline.Times[index + 1] == time)
                index++;
        var baselineHazard = index < 0 ? 0.0 : baseline.CumulativeHazards[index];
        return baselineHazard * Math.Exp(eta - cox.ReferenceShift);
    }

    /// <summary>
    /// Each parameter's value: the product of its terms for <paramref name="category"/> — the category's own PPCells
    /// where it has some, else the cells for every category (-1); false when a predictor is missing or not a number.
    /// </summary>
    private static bool Fill(GeneralRegressionPlan plan, RowContext row, double[] x, int category)
    {
        var own = category >= 0 && plan.OwnTerms[category] ? category : -1;
        for (var p = 0; p < plan.Parameters.Length; p++)
        {
            var product = 1.0;
            foreach (var term in plan.Parameters[p])
            {
                if (term.Category != own)
                    continue;
                var value = row.Get(term.Slot);
                if (value.IsMissing)
                    return false;
                if (term.Contrast is { } contrast)
                {
                    var index = Array.IndexOf(term.ContrastCategories!, value);
                    if (index < 0)
                        throw new Errors.PmmlEvaluationException($"'{value}' is not a category of the contrast matrix of factor '{term.Factor}'", term.Factor);
                    product *= contrast[index][term.Column];
                }
                else if (term.Level.HasValue)
                    product *= value.Equals(term.Level) ? 1.0 : 0.0;
                else if (value.TryGetNumber(out var number))
                    product *= term.Exponent == 1 ? number : Math.Pow(number, term.Exponent);
                else
                    return false;
            }
            x[p] = product;
        }
        return true;
    }

    /// <summary>The linear predictor of equation <paramref name="e"/>, refilling the parameters when they differ by category.</summary>
    private static double Eta(GeneralRegressionPlan plan, RowContext row, double[] x, int e)
    {
        if (plan.PerCategoryTerms && !Fill(plan, row, x, plan.EquationCategories[e]))
            return double.NaN;
        return Dot(plan.Equations[e], x);
    }

    private static void Multinomial(GeneralRegressionPlan plan, RowContext row, double[] x, double[] probabilities)
    {
        Array.Clear(probabilities);
        for (var e = 0; e < plan.Equations.Length; e++)
            probabilities[plan.EquationCategories[e]] = Eta(plan, row, x, e);
        ProbabilityNormalization.Softmax(probabilities, probabilities);
    }

    private static void Ordinal(GeneralRegressionPlan plan, RowContext row, double[] x, double offset, double[] probabilities)
    {
        var previous = 0.0;
        for (var e = 0; e < plan.Equations.Length; e++)
        {
            var cumulative = GlmLinks.Cumulative(plan.Cumulative, Eta(plan, row, x, e) + offset);
            probabilities[e] = cumulative - previous;
            previous = cumulative;
        }
        probabilities[^1] = 1.0 - previous;
    }

    private static double Dot(double[] beta, double[] x)
    {
        var sum = 0.0;
        for (var p = 0; p < beta.Length; p++)
            sum += beta[p] * x[p];
        return sum;
    }

    private static bool Optional(RowContext row, int slot, double fallback, out double value)
    {
        value = fallback;
        return slot < 0 || row.Get(slot).TryGetNumber(out value);
    }
}
