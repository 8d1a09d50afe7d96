namespace PmmlEngine.Model;

public enum ExpoSmoothTrend
{
    None,
    Additive,
    DampedAdditive,
    Multiplicative,
    DampedMultiplicative,
    PolynomialExponential,
}
