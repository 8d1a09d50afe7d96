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

    /// <summary>How deeply an expression nests (1 for a leaf), measured without recursion.</summary>
    public static int Depth(PlanExpression expression) => Depth(expression, Children);

    /// <summary>How deeply a predicate nests (1 for a simple one), measured without recursion.</summary>
    public static int Depth(PredicatePlan predicate) =>
        Depth(predicate, p => p is CompoundPredicatePlan c ? c.Parts : []);

    private static int Depth<T>(T root, Func<T, IEnumerable<T>> children) where T : class
    {
        var deepest = 0;
        var pending = new Stack<Pending<T>>();
        pending.Push(new Pending<T>(root, 1));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            deepest = Math.Max(deepest, depth);
            foreach (var child in children(node))
                pending.Push(new Pending<T>(child, depth + 1));
        }
        return deepest;
    }

    // A class rather than a tuple: a stack of tuples has no precompiled code, and every load JIT-compiled its methods.
    private sealed record Pending<T>(T Node, int Depth);

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
