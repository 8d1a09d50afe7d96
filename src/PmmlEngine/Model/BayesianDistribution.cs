namespace PmmlEngine.Model;

/// <summary>normal (mean, variance), lognormal (mean, variance of the log), uniform (lower, upper), triangular (mean = mode, lower, upper).</summary>
public sealed record BayesianDistribution(string Kind, double Mean, double Variance, double Lower, double Upper);
