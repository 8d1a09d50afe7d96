using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

public sealed class TreePlan : ModelPlan
{
    public required TreeNodePlan Root { get; init; }
    public MissingValueStrategy MissingValueStrategy { get; init; }
    public double MissingValuePenalty { get; init; }
    public NoTrueChildStrategy NoTrueChildStrategy { get; init; }
}
