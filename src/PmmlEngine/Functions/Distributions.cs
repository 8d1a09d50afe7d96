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
}
