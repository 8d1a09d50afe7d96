using MathNet.Numerics.Distributions;
using PmmlEngine.Model;

namespace PmmlEngine.Functions;

/// <summary>Inverse link functions of GeneralRegressionModel (PMML 4.4 General Regression): the mean from the linear predictor.</summary>
public static class GlmLinks
{
    /// <param name="link">The link.</param>
    /// <param name="eta">The linear predictor.</param>
    /// <param name="a">linkParameter for power and oddspower, distParameter for negbin.</param>
    public static double Inverse(GlmLink link, double eta, double a) => link switch
    {
        GlmLink.Identity => eta,
        GlmLink.Log => Math.Exp(eta),
        GlmLink.Logc => 1.0 - Math.Exp(eta),
        GlmLink.Logit => 1.0 / (1.0 + Math.Exp(-eta)),
        GlmLink.Probit => Normal.CDF(0, 1, eta),
        GlmLink.Cloglog => 1.0 - Math.Exp(-Math.Exp(eta)),
        GlmLink.Loglog => Math.Exp(-Math.Exp(-eta)),
        GlmLink.Negbin => 1.0 / (a * (Math.Exp(-eta) - 1.0)),
        GlmLink.Oddspower => a == 0 ? 1.0 / (1.0 + Math.Exp(-eta)) : OddsPower(eta, a),
        GlmLink.Power => a == 0 ? Math.Exp(eta) : Math.Pow(eta, 1.0 / a),
        _ => throw new ArgumentOutOfRangeException(nameof(link)),
    };

    /// <summary>A cumulative link's inverse: the probability that the ordinal target is at most the equation's category.</summary>
    public static double Cumulative(CumulativeLink link, double eta) => link switch
    {
        CumulativeLink.Logit => 1.0 / (1.0 + Math.Exp(-eta)),
        CumulativeLink.Probit => Normal.CDF(0, 1, eta),
        CumulativeLink.Cloglog => 1.0 - Math.Exp(-Math.Exp(eta)),
        CumulativeLink.Loglog => Math.Exp(-Math.Exp(-eta)),
        CumulativeLink.Cauchit => 0.5 + Math.Atan(eta) / Math.PI,
        _ => throw new ArgumentOutOfRangeException(nameof(link)),
    };

    private static double OddsPower(double eta, double a)
    {
        var odds = Math.Pow(1.0 + a * eta, 1.0 / a);
        return odds / (1.0 + odds);
    }
}
