namespace PmmlEngine.Onnx;

/// <summary>Options for <see cref="OnnxExporter"/>.</summary>
public sealed record OnnxExportOptions
{
    public static OnnxExportOptions Default { get; } = new();

    public OnnxStrategy Strategy { get; init; } = OnnxStrategy.Auto;
}
