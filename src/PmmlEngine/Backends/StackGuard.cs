using System.Runtime.CompilerServices;
using PmmlEngine.Errors;

namespace PmmlEngine.Backends;

/// <summary>
/// Recursion over a document's nesting (compound predicates, applies, derived-field chains, segmentations) checks the
/// stack before each level, so a document nested deeper than the scoring thread's stack allows is an evaluation error
/// instead of a process-killing stack overflow.
/// </summary>
internal static class StackGuard
{
    /// <param name="location">The element being entered, where the plan knows it.</param>
    /// <param name="field">The derived field being computed, if that is what recurses.</param>
    public static void Check(SourceLocation location = default, string? field = null)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new PmmlEvaluationException("the document nests too deeply to evaluate on this thread's stack", field, location);
    }
}
