namespace PmmlEngine.Evaluation;

/// <summary>Options for <see cref="PmmlEvaluator.Load(System.IO.Stream, EvaluatorOptions?)"/>.</summary>
public sealed record EvaluatorOptions
{
    public static EvaluatorOptions Default { get; } = new();

    public Backend Backend { get; init; } = Backend.Auto;

    /// <summary>Size, depth and element-count limits applied while the document is read.</summary>
    public DocumentLimits Limits { get; init; } = DocumentLimits.Default;
}
