namespace PmmlEngine.Model;

/// <summary>A continuous distribution: Gaussian or Any (mean, variance), Poisson (mean), Uniform (lower, upper).</summary>
public sealed record BaselineDistribution(BaselineDistributionType Type, double Mean, double Variance, double Lower, double Upper);
