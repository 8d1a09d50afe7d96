using System.Collections.Immutable;
using PmmlEngine.Errors;

namespace PmmlEngine.Model;

/// <summary>A Neuron: weighted connections from earlier neurons or inputs; width and altitude override its layer's.</summary>
public sealed record Neuron(string Id, double Bias, double? Width, double? Altitude, ImmutableArray<NeuralConnection> Connections, SourceLocation Location);
