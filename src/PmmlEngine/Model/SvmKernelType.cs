namespace PmmlEngine.Model;

public enum SvmKernelType
{
    Linear,
    Polynomial,
    RadialBasis,
    Sigmoid,
}
