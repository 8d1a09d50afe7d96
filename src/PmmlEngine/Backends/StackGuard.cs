using System.Runtime.CompilerServices;
using PmmlEngine.Errors;
using PmmlEngine.Evaluation;

namespace PmmlEngine.Backends;

/// <summary>
/// Scoring recursion over a document's nesting (compound predicates, applies, derived-field chains, segmentations)
/// checks the stack before each level; when the calling thread's stack runs low, the recursion continues on a fresh
/// deep stack (<see cref="DeepStack"/>) while the caller waits, so a document nested 10⁵ deep scores on any thread.
/// Only such documents pay for the extra thread; a bounded number of hops keeps a runaway nesting an evaluation error.
/// </summary>
internal static class StackGuard
{
    private const int MaxHops = 16;

    [ThreadStatic] private static int t_hops;

    /// <summary>Whether the current thread can recurse one more level.</summary>
    public static bool HasRoom() => RuntimeHelpers.TryEnsureSufficientExecutionStack();

    /// <summary>Runs the next level on a fresh deep stack.</summary>
    /// <param name="next">The level, best a static lambda over <paramref name="state"/> so that callers allocate nothing
    /// on the common path (enough stack).</param>
    /// <param name="state">What the level needs.</param>
    /// <param name="location">The element being entered, where the plan knows it.</param>
    /// <param name="field">The derived field being computed, if that is what recurses.</param>
    public static TResult Continue<TState, TResult>(Func<TState, TResult> next, TState state, SourceLocation location = default, string? field = null)
    {
        var hops = t_hops + 1;
        if (hops > MaxHops)
            throw new PmmlEvaluationException($"the document nests too deeply to evaluate (past {MaxHops} deep stacks)", field, location);
        return DeepStack.Run(() =>
        {
            t_hops = hops;
            return next(state);
        });
    }
}
