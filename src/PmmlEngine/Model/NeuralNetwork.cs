using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>
/// PMML NeuralNetwork: inputs derived from fields, layers of neurons, outputs mapping neurons back to the target. The
/// network-level activation, normalization, threshold, width and altitude apply where a layer or neuron sets none.
/// </summary>
public sealed record NeuralNetwork : ModelElement
{
    public required ActivationFunction Activation { get; init; }
    public NeuralNormalization Normalization { get; init; }
    public double Threshold { get; init; }
    public double? Width { get; init; }
    public double Altitude { get; init; } = 1.0;
    public required ImmutableArray<NeuralInput> Inputs { get; init; }
    public required ImmutableArray<NeuralLayer> Layers { get; init; }
    public required ImmutableArray<NeuralOutput> NeuralOutputs { get; init; }
}
