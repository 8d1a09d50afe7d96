using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A NaiveBayesModel as log-probabilities aligned with the target's categories.</summary>
public sealed class NaiveBayesPlan : ModelPlan
{
    /// <summary>ln(count) of each category in BayesOutput.</summary>
    public required double[] LogPriors { get; init; }

    public required NaiveBayesInputPlan[] Inputs { get; init; }
    public required double Threshold { get; init; }
}

/// <summary>
/// An input: its slot (the binned derived field's where there is one) and either, per input value, ln P(value | category)
/// per category, or per category the continuous distribution (Gaussian variance 0 marks Poisson).
/// </summary>
public sealed record NaiveBayesInputPlan(int Slot, Dictionary<Value, double[]>? LogProbabilities, (bool Poisson, double Mean, double Variance)[]? Distributions);
