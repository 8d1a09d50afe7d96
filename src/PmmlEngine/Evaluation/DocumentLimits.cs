namespace PmmlEngine.Evaluation;

/// <summary>
/// Bounds on what a document may demand while loading, so an untrusted model fails with a clear error instead of
/// exhausting memory or time. The defaults admit every real model seen and the 10⁵-deep stress documents.
/// </summary>
public sealed record DocumentLimits
{
    public static DocumentLimits Default { get; } = new();

    /// <summary>The largest document, in bytes (default 512 MiB).</summary>
    public long MaxDocumentBytes { get; init; } = 512L << 20;

    /// <summary>The deepest element nesting (default 100,000).</summary>
    public int MaxDepth { get; init; } = 100_000;

    /// <summary>The most elements in a document (default 20 million).</summary>
    public long MaxElements { get; init; } = 20_000_000;
}
