using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record TreeModel : ModelElement
{
    public required TreeNode Root { get; init; }
    public MissingValueStrategy MissingValueStrategy { get; init; }
    public double MissingValuePenalty { get; init; } = 1.0;
    public NoTrueChildStrategy NoTrueChildStrategy { get; init; }
}
