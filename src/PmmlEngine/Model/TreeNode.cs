using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>A Node of a TreeModel.</summary>
public sealed record TreeNode(
    string? Id,
    string? Score,
    double? RecordCount,
    string? DefaultChild,
    Predicate Predicate,
    ImmutableArray<TreeNode> Children,
    ImmutableArray<ScoreDistribution> Distribution,
    SourceLocation Location);
