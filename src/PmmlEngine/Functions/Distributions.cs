using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace PmmlEngine.Functions;

/// <summary>The normal distribution functions of PMML 4.4, through MathNet.Numerics.</summary>
internal static class Distributions
{
    public static double NormalCdf(double x, double mu, double sigma) => Normal.CDF(mu, sigma, x);
    public static double NormalPdf(double x, double mu, double sigma) => Normal.PDF(mu, sigma, x);
    public static double NormalIdf(double p, double mu, double sigma) => p is > 0 and < 1 ? Normal.InvCDF(mu, sigma, p) : double.NaN;
    public static double StdNormalCdf(double x) => Normal.CDF(0, 1, x);
    public static double StdNormalPdf(double x) => Normal.PDF(0, 1, x);
    public static double StdNormalIdf(double p) => p is > 0 and < 1 ? Normal.InvCDF(0, 1, p) : double.NaN;
    public static double Erf(double x) => SpecialFunctions.Erf(x);

    /// <summary>The Gaussian density with the given mean and variance (NaiveBayes, BaselineModel).</summary>
    internal static double GaussianDensity(double x, double mean, double variance)
    {
        var d = x - mean;
        return Math.Exp(-d * d / (2 * variance)) / Math.Sqrt(2 * Math.PI * variance);
    }

    /// <summary>The Poisson probability of <paramref name="x"/>, with Γ(x + 1) for the factorial; 0 below zero.</summary>
    internal static double PoissonProbability(double x, double mean) =>
        x < 0 ? 0 : Math.Exp(x * Math.Log(mean) - mean - SpecialFunctions.GammaLn(x + 1));
}
