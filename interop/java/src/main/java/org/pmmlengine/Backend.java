package org.pmmlengine;

/** How an evaluator scores records; the same choices as the C# EvaluatorOptions.Backend, in the same order. */
public enum Backend {
    /** Compiled where possible (the default). */
    AUTO,
    /** Compiled to delegates and flat tree arrays; parts that cannot be compiled run on the interpreter. */
    COMPILED,
    /** The reference interpreter. */
    INTERPRETER
}
