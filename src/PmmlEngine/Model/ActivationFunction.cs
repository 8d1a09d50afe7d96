namespace PmmlEngine.Model;

/// <summary>PMML 4.4 ACTIVATION-FUNCTION: how a neuron turns its input sum Z into its output.</summary>
public enum ActivationFunction
{
    Threshold,
    Logistic,
    Tanh,
    Identity,
    Exponential,
    Reciprocal,
    Square,
    Gauss,
    Sine,
    Cosine,
    Elliott,
    Arctan,
    Rectifier,
    RadialBasis,
}
