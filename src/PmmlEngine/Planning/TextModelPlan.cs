using PmmlEngine.Functions;

namespace PmmlEngine.Planning;

/// <summary>A TextModel with the corpus weighted and normalized at load, so a record only weighs its own terms.</summary>
public sealed class TextModelPlan : ModelPlan
{
    public required int TextSlot { get; init; }
    public required string[] Terms { get; init; }
    public required TextIndexer Indexer { get; init; }

    /// <summary>The global weight of each term.</summary>
    public required double[] GlobalWeights { get; init; }

    /// <summary>Each document's weighted (and, with cosine normalization, unit-length) term vector.</summary>
    public required double[][] Documents { get; init; }

    public required string[] DocumentIds { get; init; }
    public required string[] DocumentNames { get; init; }
    public required Model.LocalTermWeights LocalWeights { get; init; }
    public required bool Normalize { get; init; }
    public required bool Cosine { get; init; }
}
