namespace PmmlEngine.Gpu;

/// <summary>No device of the kind asked for: the message says what was found instead.</summary>
public sealed class GpuUnavailableException(string message) : Exception(message);
