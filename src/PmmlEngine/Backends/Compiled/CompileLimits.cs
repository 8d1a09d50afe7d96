using PmmlEngine.Planning;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// The JIT rejects methods nested thousands of levels deep (InvalidProgramException), so a deeper predicate or
/// expression is left to the interpreter, with the reason recorded like any other fallback.
/// </summary>
internal static class CompileLimits
{
    public const int MaxNesting = 500;

    public static PredicatePlan Checked(PredicatePlan predicate) =>
        PlanWalker.Depth(predicate) is var depth and > MaxNesting
            ? throw new NotSupportedException($"nested {depth} levels deep, more than the {MaxNesting} the compiler takes")
            : predicate;

    public static PlanExpression Checked(PlanExpression expression) =>
        PlanWalker.Depth(expression) is var depth and > MaxNesting
            ? throw new NotSupportedException($"nested {depth} levels deep, more than the {MaxNesting} the compiler takes")
            : expression;
}
