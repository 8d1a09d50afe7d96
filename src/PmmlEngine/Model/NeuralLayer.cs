using System.Collections.Immutable;
using PmmlEngine.Errors;

namespace PmmlEngine.Model;

/// <summary>A NeuralLayer; null attributes inherit the network's.</summary>
public sealed record NeuralLayer(
    ActivationFunction? Activation,
    NeuralNormalization? Normalization,
    double? Threshold,
    double? Width,
    double? Altitude,
    ImmutableArray<Neuron> Neurons,
    SourceLocation Location);
