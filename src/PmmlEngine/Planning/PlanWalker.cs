namespace PmmlEngine.Planning;

/// <summary>Structural traversal of the expression IR, for analyses that every backend shares.</summary>
public static class PlanWalker
{
    public static IEnumerable<PlanExpression> Children(PlanExpression expression) => expression switch
    {
        ApplyPlan a => a.Arguments,
        CallPlan c => c.Arguments,
        NormContinuousPlan n => [n.Field],
        NormDiscretePlan n => [n.Field],
        DiscretizePlan d => [d.Field],
        MapValuesPlan m => m.Fields,
        TextIndexPlan t => [t.Text, t.Term],
        _ => [],
    };

    /// <summary>The slots an expression reads directly (not through other derived fields).</summary>
    public static IEnumerable<int> SlotsRead(PlanExpression expression)
    {
        if (expression is SlotRefPlan s)
            yield return s.Slot;
        foreach (var child in Children(expression))
            foreach (var slot in SlotsRead(child))
                yield return slot;
    }
}
