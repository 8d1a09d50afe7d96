using PmmlEngine.Model;

namespace PmmlEngine.Functions;

/// <summary>The covariance functions of PMML 4.4 GaussianProcessModel.</summary>
internal static class GaussianProcessKernels
{
    public static double Covariance(GaussianProcessKernel kernel, ReadOnlySpan<double> x, ReadOnlySpan<double> z)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var d = x[i] - z[i];
            sum += kernel.Type switch
            {
                GaussianProcessKernelType.RadialBasis => d * d,
                GaussianProcessKernelType.ArdSquaredExponential => d * d / (kernel.Lambda[i] * kernel.Lambda[i]),
                GaussianProcessKernelType.AbsoluteExponential => Math.Abs(d) / kernel.Lambda[i],
                _ => Math.Pow(Math.Abs(d) / kernel.Lambda[i], kernel.Degree),
            };
        }
        var exponent = kernel.Type switch
        {
            GaussianProcessKernelType.RadialBasis => -sum / (2 * kernel.Lambda[0] * kernel.Lambda[0]),
            GaussianProcessKernelType.ArdSquaredExponential => -0.5 * sum,
            _ => -sum,
        };
        return kernel.Gamma * Math.Exp(exponent);
    }
}
