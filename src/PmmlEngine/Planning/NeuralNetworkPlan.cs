using PmmlEngine.Model;

namespace PmmlEngine.Planning;

/// <summary>
/// A NeuralNetwork as flat arrays. Values are numbered inputs first (by <see cref="InputSlots"/>), then neurons in
/// layer order, so every connection is an index into one value vector.
/// </summary>
public sealed class NeuralNetworkPlan : ModelPlan
{
    /// <summary>The slots of the NeuralInputs' derived fields.</summary>
    public required int[] InputSlots { get; init; }

    public required NeuronPlan[] Neurons { get; init; }
    public required NeuralLayerPlan[] Layers { get; init; }

    /// <summary>Classification: the value giving each target category's probability, or -1 where no output names it.</summary>
    public int[]? CategoryValues { get; init; }

    /// <summary>Regression: the value holding the prediction.</summary>
    public int PredictedValue { get; init; } = -1;

    /// <summary>Regression: the output's NormContinuous points, inverted to recover the target; null for a plain FieldRef.</summary>
    public LinearNorm[]? Denormalization { get; init; }

    public int ValueCount => InputSlots.Length + Neurons.Length;
}

/// <summary>A neuron with its inherited attributes resolved; <see cref="Sources"/> index the network's value vector.</summary>
public sealed record NeuronPlan(ActivationFunction Activation, double Bias, double Threshold, double Width, double Altitude, int[] Sources, double[] Weights);

/// <summary>A layer's neurons are values <see cref="First"/> .. First + Count - 1.</summary>
public sealed record NeuralLayerPlan(int First, int Count, NeuralNormalization Normalization);
