namespace PmmlEngine.Model;

public enum BaselineDistributionType
{
    Gaussian,
    Poisson,
    Uniform,
    Any,
}
