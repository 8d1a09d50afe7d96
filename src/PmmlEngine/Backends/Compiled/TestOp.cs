namespace PmmlEngine.Backends.Compiled;

/// <summary>What a flattened tree test does with its feature. Negated predicates swap the test's true and false edges.</summary>
internal enum TestOp : byte
{
    /// <summary>feature ≤ threshold; &lt;, &gt; and ≥ are rewritten to it (see <see cref="Thresholds"/>).</summary>
    LessOrEqual,
    /// <summary>feature = threshold (a number, or a category code).</summary>
    Equal,
    /// <summary><see cref="TreeTest.Low"/> ≤ feature ≤ threshold: a float32 equality seen from the double the feature holds.</summary>
    InRange,
    /// <summary>The category code, or the whole number of a set of small ones, is in the test's bitset.</summary>
    InSet,
    /// <summary>The number is one of the test's values (a set of numbers: <see cref="TreeTest.Aux"/> is where they start in
    /// <see cref="FlatTree.Numbers"/>, the threshold how many there are).</summary>
    InValues,
    /// <summary>The feature is missing; never unknown.</summary>
    IsMissing,
    /// <summary>Any other predicate, compiled to a delegate over the record.</summary>
    Generic,
}
