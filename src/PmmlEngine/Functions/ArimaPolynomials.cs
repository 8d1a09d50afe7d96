using PmmlEngine.Model;

namespace PmmlEngine.Functions;

/// <summary>
/// An ARIMA model's lag polynomials multiplied out: the autoregressive side φ(B)·Φ(Bˢ)·(1 − B)ᵈ·(1 − Bˢ)ᴰ and the
/// moving-average side θ(B)·Θ(Bˢ), each as coefficients of B⁰, B¹, … (the first is 1).
/// </summary>
internal static class ArimaPolynomials
{
    public static double[] AutoRegressive(Arima model)
    {
        var polynomial = Multiply(Lag(model.Ar, 1), Lag(model.SeasonalAr, model.Period));
        for (var d = 0; d < model.Differences; d++)
            polynomial = Multiply(polynomial, Difference(1));
        for (var d = 0; d < model.SeasonalDifferences; d++)
            polynomial = Multiply(polynomial, Difference(model.Period));
        return polynomial;
    }

    public static double[] MovingAverage(Arima model) => Multiply(Lag(model.Ma, 1), Lag(model.SeasonalMa, model.Period));

    /// <summary>1 − Σ cᵢ·B^(i·step).</summary>
    private static double[] Lag(IReadOnlyList<double> coefficients, int step)
    {
        if (coefficients.Count == 0 || step == 0)
            return [1];
        var polynomial = new double[coefficients.Count * step + 1];
        polynomial[0] = 1;
        for (var i = 0; i < coefficients.Count; i++)
            polynomial[(i + 1) * step] = -coefficients[i];
        return polynomial;
    }

    /// <summary>1 − B^step.</summary>
    private static double[] Difference(int step)
    {
        var polynomial = new double[step + 1];
        polynomial[0] = 1;
        polynomial[step] = -1;
        return polynomial;
    }

    private static double[] Multiply(double[] a, double[] b)
    {
        var product = new double[a.Length + b.Length - 1];
        for (var i = 0; i < a.Length; i++)
            for (var j = 0; j < b.Length; j++)
                product[i + j] += a[i] * b[j];
        return product;
    }
}
