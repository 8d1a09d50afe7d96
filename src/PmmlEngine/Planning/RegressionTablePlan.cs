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

    /// <summary>
    /// The CategoricalPredictors as runs of consecutive ones over the same field, in order. A run is exclusive when its
    /// predictors name distinct strings and its field appears nowhere later in the table: at most one of them matches a
    /// record, so one lookup finds it and adds its coefficient where testing each predictor in turn would.
    /// </summary>
    internal IEnumerable<(int Slot, (int Slot, Value Value, double Coefficient)[] Predictors, bool Exclusive)> CategoricalRuns()
    {
        for (var start = 0; start < Categorical.Length;)
        {
            var slot = Categorical[start].Slot;
            var end = start;
            while (end < Categorical.Length && Categorical[end].Slot == slot) end++;
            var run = new (int Slot, Value Value, double Coefficient)[end - start];
            Array.Copy(Categorical, start, run, 0, run.Length);
            yield return (slot, run, IsExclusive(run, slot, end));
            start = end;
        }
    }

    // Loops rather than slices and LINQ over the tuples: that generic code is not precompiled, and every regression's
    // load JIT-compiled it.
    private bool IsExclusive((int Slot, Value Value, double Coefficient)[] run, int slot, int end)
    {
        var strings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in run)
        {
            if (p.Value.Kind != ValueKind.String || !strings.Add(p.Value.String))
                return false;
        }
        for (var i = end; i < Categorical.Length; i++)
        {
            if (Categorical[i].Slot == slot)
                return false;
        }
        return true;
    }
}
