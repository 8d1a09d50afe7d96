using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>The tokenizing and weighting attributes shared by TextIndex and TextIndexNormalization.</summary>
public sealed record TextIndexOptions(
    bool IsCaseSensitive,
    int MaxLevenshteinDistance,
    CountHits CountHits,
    LocalTermWeights LocalTermWeights,
    string WordSeparatorCharacterRE,
    string? WordRE,
    bool Tokenize);
