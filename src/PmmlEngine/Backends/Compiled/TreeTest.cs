using System.Runtime.InteropServices;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// One predicate of a flattened tree with its three edges. An edge ≥ 0 is the next test; a negative edge e ends the walk
/// at outcome ~e. A node's children become a chain of tests: a false edge leads to the next sibling's test.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly record struct TreeTest(double Threshold, int Feature, int OnTrue, int OnFalse, int OnUnknown, int Aux, TestOp Op, bool Penalized)
{
    /// <summary>
    /// For <see cref="TestOp.InSet"/> the bitset's first word; for <see cref="TestOp.InValues"/> where its numbers start
    /// in <see cref="FlatTree.Numbers"/>; for <see cref="TestOp.Generic"/> the delegate's index.
    /// </summary>
    public int Aux { get; } = Aux;

    /// <summary>
    /// The closed interval's lower end for the tests that are one, [Low, <see cref="Threshold"/>]: −∞ for
    /// <see cref="TestOp.LessOrEqual"/>, the threshold itself for <see cref="TestOp.Equal"/>, the range's low number for
    /// <see cref="TestOp.InRange"/>. Unused by the other tests.
    /// </summary>
    public double Low { get; init; }

    /// <summary>Whether the test is a closed interval [<see cref="Low"/>, <see cref="Threshold"/>] on a present value.</summary>
    public bool IsInterval => Op <= TestOp.InRange;

    /// <summary>Whether following the unknown edge counts as one missing value for the defaultChild penalty.</summary>
    public bool Penalized { get; } = Penalized;
}
