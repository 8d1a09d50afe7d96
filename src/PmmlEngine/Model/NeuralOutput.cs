using PmmlEngine.Errors;

namespace PmmlEngine.Model;

/// <summary>A NeuralOutput: its DerivedField says what neuron <paramref name="OutputNeuron"/> means for the target.</summary>
public sealed record NeuralOutput(string OutputNeuron, DerivedField Field, SourceLocation Location);
