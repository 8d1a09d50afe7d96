using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>
/// PMML 4.4 TextModel: a term dictionary, a corpus of documents as a document-term matrix, how term counts are weighted
/// and normalized, and the similarity that compares a record's text with each document.
/// </summary>
public sealed record TextModel : ModelElement
{
    public required ImmutableArray<string> Terms { get; init; }
    public required ImmutableArray<(string Id, string? Name)> Documents { get; init; }

    /// <summary>Rows are documents, columns terms: the raw term frequencies.</summary>
    public required ImmutableArray<ImmutableArray<double>> DocumentTerms { get; init; }

    public LocalTermWeights LocalWeights { get; init; }
    public TextGlobalWeights GlobalWeights { get; init; }
    public bool CosineNormalization { get; init; }
    public bool CosineSimilarity { get; init; } = true;
}
