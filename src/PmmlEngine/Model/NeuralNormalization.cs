namespace PmmlEngine.Model;

/// <summary>PMML 4.4 NN-NORMALIZATION-METHOD: how a layer's outputs are rescaled together.</summary>
public enum NeuralNormalization
{
    None,
    Simplemax,
    Softmax,
}
