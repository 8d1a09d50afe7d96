using MathNet.Numerics.Distributions;
using PmmlEngine.Model;

namespace PmmlEngine.Functions;

/// <summary>
/// The inverse link functions of RegressionModel normalizationMethod (PMML 4.4 Regression), in double and in float.
/// The float forms follow XGBoost's own arithmetic (1/(1+expf(-x)) in float32).
/// </summary>
public static class LinkFunctions
{
    public static double Apply(RegressionNormalization method, double y) => method switch
    {
        RegressionNormalization.Logit or RegressionNormalization.Softmax => 1.0 / (1.0 + Math.Exp(-y)),
        RegressionNormalization.Exp => Math.Exp(y),
        RegressionNormalization.Probit => Normal.CDF(0, 1, y),
        RegressionNormalization.Cloglog => 1.0 - Math.Exp(-Math.Exp(y)),
        RegressionNormalization.Loglog => Math.Exp(-Math.Exp(-y)),
        RegressionNormalization.Cauchit => 0.5 + Math.Atan(y) / Math.PI,
        _ => y,
    };

    public static float Apply(RegressionNormalization method, float y) => method switch
    {
        RegressionNormalization.Logit or RegressionNormalization.Softmax => 1.0f / (1.0f + MathF.Exp(-y)),
        RegressionNormalization.Exp => MathF.Exp(y),
        RegressionNormalization.Probit => (float)Normal.CDF(0, 1, y),
        RegressionNormalization.Cloglog => 1.0f - MathF.Exp(-MathF.Exp(y)),
        RegressionNormalization.Loglog => MathF.Exp(-MathF.Exp(-y)),
        RegressionNormalization.Cauchit => 0.5f + MathF.Atan(y) / MathF.PI,
        _ => y,
    };

    /// <summary>Whether each category's score goes through the link on its own (the binary "1 - p" rule applies).</summary>
    public static bool IsPerCategory(RegressionNormalization method) =>
        method is RegressionNormalization.Logit or RegressionNormalization.Probit or RegressionNormalization.Cloglog
            or RegressionNormalization.Loglog or RegressionNormalization.Cauchit;
}
