using System.Runtime.InteropServices;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// One predicate of a flattened tree with its three edges. An edge ≥ 0 is the next test; a negative edge e ends the walk
/// at outcome ~e. A node's children become a chain of tests: a false edge leads to the next sibling's test.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly record struct TreeTest(TestOp Op, int Feature, double Threshold, int OnTrue, int OnFalse, int OnUnknown, int Aux, bool Penalized, double Low = 0)
{
    /// <summary>For <see cref="TestOp.InSet"/> the bitset's first word; for <see cref="TestOp.Generic"/> the delegate's index.</summary>
    public int Aux { get; } = Aux;

    /// <summary>Whether following the unknown edge counts as one missing value for the defaultChild penalty.</summary>
    public bool Penalized { get; } = Penalized;
}
