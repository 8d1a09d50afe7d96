namespace PmmlEngine.Model;

/// <summary>A Con element: the output of neuron or input <paramref name="From"/> times <paramref name="Weight"/>.</summary>
public sealed record NeuralConnection(string From, double Weight);
