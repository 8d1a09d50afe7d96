using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

public sealed class RegressionTablePlan
{
    public required double Intercept { get; init; }
    public required Value Category { get; init; }

    /// <summary>The index of <see cref="Category"/> among the target's categories, -1 when it is none of them.</summary>
    public int CategoryIndex { get; init; } = -1;

    public required (int Slot, double Exponent, double Coefficient)[] Numeric { get; init; }
    public required (int Slot, Value Value, double Coefficient)[] Categorical { get; init; }
    public required (int[] Slots, double Coefficient)[] Interactions { get; init; }
}
