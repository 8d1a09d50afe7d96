using PmmlEngine.Errors;

namespace PmmlEngine.Model;

/// <summary>A NeuralInput: the value of neuron <paramref name="Id"/> is its DerivedField's value.</summary>
public sealed record NeuralInput(string Id, DerivedField Field, SourceLocation Location);
