namespace PmmlEngine.Evaluation;

/// <summary>How an evaluator scores records.</summary>
public enum Backend
{
    /// <summary>Compiled where possible (the default): see <see cref="Compiled"/>.</summary>
    Auto,

    /// <summary>
    /// Transformations, predicates and regression tables compiled with System.Linq.Expressions, trees flattened to arrays.
    /// A part that cannot be compiled runs on the interpreter; <see cref="PmmlEvaluator.CompilationFallbacks"/> says which and why.
    /// </summary>
    Compiled,

    /// <summary>The reference interpreter: the semantics every other backend is tested against.</summary>
    Interpreter,
}
