namespace PmmlEngine.Model;

public enum GaussianProcessKernelType
{
    RadialBasis,
    ArdSquaredExponential,
    AbsoluteExponential,
    GeneralizedExponential,
}
