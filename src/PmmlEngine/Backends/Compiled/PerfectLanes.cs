using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// An ensemble's trees walked without branches for a record whose features are all present numbers. Shallow trees are
/// padded to complete binary trees of one depth D (heap order: test i's true child is 2i+1, its false child 2i+2; an
/// outcome above the last level pushed down through tests every number passes), and every walk takes D steps. Deeper
/// trees, which padding would blow up, keep their shape (a test's true child at its link, its false child next to it;
/// an outcome is a node that leads to itself), and every walk takes its tree's depth in steps, trees of like depth
/// walked together. Each step computes its next test instead of branching on the test's kind or on the value, so
/// nothing is mispredicted and the core runs ahead into the next tree. A step tests an interval [Low, High] and, in
/// forests with set tests, a set at once (an interval test's set is empty, a set test's interval is): each feature a
/// set tests is read once per record as one bit of a 64-bit word (its whole number less the feature's smallest member),
/// and a set is the word of its members. A record with an absent feature, whose walk takes unknown edges, is left to
/// <see cref="TreeLanes"/>. Outcomes are the flat trees' own.
/// </summary>
internal sealed class PerfectLanes : IBranchFreeWalk
{
    /// <summary>Deeper trees would take 2^D tests each, mostly padding; they keep their own shape.</summary>
    public const int MaxCompleteDepth = 8;

    /// <summary>
    /// The deepest trees that keep their shape, in tests from root to outcome. A walk takes its tree's depth in steps
    /// wherever its leaf is, so the unpruned trees of random forests, whose leaves lie far above their deepest, are left
    /// to the lanes: RandomForestAudit (22 to 38) measured 1.1–1.4× slower this way, LightGBMAudit
    /// (7 to 18) 1.3× faster.
    /// </summary>
    public const int MaxDepth = 20;

    /// <summary>The most features a forest with sets may test: their bits are on the stack.</summary>
    private const int MaxSetForestFeatures = 256;

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Test(double Low, double High, ulong Members, int Feature);

    private static readonly Test Passing = new(double.NegativeInfinity, double.PositiveInfinity, 0, 0);

    // An outcome in a tree that keeps its shape: no number passes, so the walk stays (its link is itself − 1).
    private static readonly Test Failing = new(double.PositiveInfinity, double.NegativeInfinity, 0, 0);

    private readonly int _depth;
    private readonly int _trees;
    private readonly Test[] _tests;
    private readonly int[] _outcomes;

    /// <summary>The features the trees test.</summary>
    private readonly int[] _features;

    /// <summary>The features sets test; empty in a forest without sets.</summary>
    private readonly int[] _setFeatures;

    /// <summary>Per feature a set tests, its smallest member: the number its bit 0 stands for.</summary>
    private readonly int[] _bases;

    // Trees that keep their shape (null for complete trees): each node's true child (its false child is next to it),
    // and the trees in walking order, by depth, with their roots and depths.
    private readonly int[]? _links;
    private readonly int[] _order = [];
    private readonly int[] _roots = [];
    private readonly int[] _depths = [];

    /// <summary>
    /// The nanoseconds a record takes on the machine of docs/performance.md: <see cref="StepCost"/> per step of a tree,
    /// fitted with <see cref="LeafMasks.Cost"/> over the conformance forests and generated ones.
    /// </summary>
    public double Cost
    {
        get
        {
            if (_links is null)
                return StepCost * _trees * _depth;
            var steps = 0;
            var t = 0;
            for (; t + 4 <= _trees; t += 4)
                steps += 4 * _depths[t + 3];
            for (; t < _trees; t++)
                steps += _depths[t];
            return StepCost * steps;
        }
    }

    /// <summary>Nanoseconds per step of a tree (see <see cref="Cost"/>).</summary>
    public const double StepCost = 2.8;

    private PerfectLanes(int depth, int trees, int[] features, int[] setFeatures, int[] bases)
    {
        _depth = depth;
        _trees = trees;
        _tests = new Test[trees * ((1 << depth) - 1)];
        _outcomes = new int[trees << depth];
        _features = features;
        _setFeatures = setFeatures;
        _bases = bases;
    }

    private PerfectLanes(FlatTree[] trees, int[] depths, int nodes, int[] features, int[] setFeatures, int[] bases)
    {
        _trees = trees.Length;
        _features = features;
        _setFeatures = setFeatures;
        _bases = bases;
        _tests = new Test[nodes];
        _outcomes = new int[nodes];
        _links = new int[nodes];
        // The trees by depth, in document order within a depth: one pass per depth (at most MaxDepth), since sorting
        // keys with items is framework generic code over value types that a load would JIT-compile.
        _order = new int[trees.Length];
        var placed = 0;
        for (var depth = 0; depth <= MaxDepth; depth++)
            for (var t = 0; t < trees.Length; t++)
                if (depths[t] == depth)
                    _order[placed++] = t;
        _roots = new int[trees.Length];
        _depths = new int[trees.Length];
        var next = 0;
        for (var k = 0; k < _order.Length; k++)
        {
            var tree = trees[_order[k]];
            _roots[k] = next++;
            _depths[k] = depths[_order[k]];
            next = Link(tree, tree.Start, _roots[k], next);
        }
    }

    /// <summary>
    /// The layout of the trees, or null when a tree is deeper than <see cref="MaxDepth"/>, has a test that is neither
    /// an interval nor a set, or has sets whose members on one feature span more than 64 whole numbers.
    /// </summary>
    // Plain loops over arrays: generic code over value tuples is not precompiled, and JIT-compiling it added a tenth to
    // a forest's load.
    public static PerfectLanes? TryCreate(FlatTree[]? trees)
    {
        if (trees is null)
            return null;
        var width = 0;
        var depths = new int[trees.Length];
        for (var t = 0; t < trees.Length; t++)
        {
            foreach (var test in trees[t].Tests)
            {
                if (!test.IsInterval && test.Op != TestOp.InSet)
                    return null;
                width = Math.Max(width, test.Feature + 1);
            }
            depths[t] = DepthOf(trees[t], trees[t].Start);
        }
        if (width == 0)
            return null;
        var depth = depths.Max();
        if (depth > MaxDepth)
            return null;
        var tested = new bool[width];
        var lowest = new int[width];
        var highest = new int[width];
        Array.Fill(lowest, int.MaxValue);
        Array.Fill(highest, -1);
        foreach (var tree in trees)
        {
            foreach (var test in tree.Tests)
            {
                tested[test.Feature] = true;
                if (test.Op != TestOp.InSet)
                    continue;
                foreach (var member in tree.SetMembers(test))
                {
                    lowest[test.Feature] = Math.Min(lowest[test.Feature], member);
                    highest[test.Feature] = Math.Max(highest[test.Feature], member);
                }
            }
        }
        var features = new List<int>();
        var setFeatures = new List<int>();
        for (var f = 0; f < width; f++)
        {
            if (tested[f])
                features.Add(f);
            if (highest[f] < 0)
                continue;
            if (highest[f] - lowest[f] >= 64 || width > MaxSetForestFeatures)
                return null;
            setFeatures.Add(f);
        }
        if (depth > MaxCompleteDepth)
        {
            // A subtree reached along several edges is copied for each; where that would grow a tree much, the lanes walk it.
            var nodes = 0L;
            foreach (var tree in trees)
            {
                var own = NodesOf(tree);
                if (own > 4 * (tree.Tests.Length + tree.Outcomes.Length) + 16)
                    return null;
                nodes += own;
            }
            return new PerfectLanes(trees, depths, (int)nodes, features.ToArray(), setFeatures.ToArray(), lowest);
        }
        var lanes = new PerfectLanes(Math.Max(depth, 1), trees.Length, features.ToArray(), setFeatures.ToArray(), lowest);
        for (var t = 0; t < trees.Length; t++)
            lanes.Place(trees[t], trees[t].Start, t, 0);
        return lanes;
    }

    /// <summary>The nodes of the tree as walked, each subtree once per edge that reaches it (counted once per test).</summary>
    private static long NodesOf(FlatTree tree)
    {
        var below = new long[tree.Tests.Length];
        return Count(tree.Start);

        long Count(int edge)
        {
            if (edge < 0)
                return 1;
            if (below[edge] == 0)
                below[edge] = 1 + Math.Min(Count(tree.Tests[edge].OnTrue) + Count(tree.Tests[edge].OnFalse), int.MaxValue);
            return below[edge];
        }
    }

    private static int DepthOf(FlatTree tree, int edge) =>
        edge < 0 ? 0 : 1 + Math.Max(DepthOf(tree, tree.Tests[edge].OnTrue), DepthOf(tree, tree.Tests[edge].OnFalse));

    /// <summary>Writes <paramref name="edge"/> of tree <paramref name="tree"/> at heap position <paramref name="at"/>, and what follows it below.</summary>
    private void Place(FlatTree flat, int edge, int tree, int at)
    {
        var testsPerTree = (1 << _depth) - 1;
        if (at >= testsPerTree)
        {
            _outcomes[(tree << _depth) + at - testsPerTree] = ~edge;
            return;
        }
        if (edge < 0)
        {
            // An outcome above the last level: both children carry it, so every leaf below the padding is it.
            _tests[tree * testsPerTree + at] = Passing;
            Place(flat, edge, tree, 2 * at + 1);
            Place(flat, edge, tree, 2 * at + 2);
            return;
        }
        var test = flat.Tests[edge];
        _tests[tree * testsPerTree + at] = Of(flat, test);
        Place(flat, test.OnTrue, tree, 2 * at + 1);
        Place(flat, test.OnFalse, tree, 2 * at + 2);
    }

    /// <summary>
    /// Writes <paramref name="edge"/> at node <paramref name="at"/> of a tree that keeps its shape, its children from
    /// node <paramref name="next"/> on; returns the first node after them.
    /// </summary>
    private int Link(FlatTree flat, int edge, int at, int next)
    {
        if (edge < 0)
        {
            _tests[at] = Failing;
            _links![at] = at - 1;
            _outcomes[at] = ~edge;
            return next;
        }
        var test = flat.Tests[edge];
        _tests[at] = Of(flat, test);
        _links![at] = next;
        var after = Link(flat, test.OnTrue, next, next + 2);
        return Link(flat, test.OnFalse, next + 1, after);
    }

    private Test Of(FlatTree flat, in TreeTest test)
    {
        if (test.IsInterval)
            return new Test(test.Low, test.Threshold, 0, test.Feature);
        var members = 0UL;
        foreach (var member in flat.SetMembers(test))
            members |= 1UL << (member - _bases[test.Feature]);
        return new Test(double.PositiveInfinity, double.NegativeInfinity, members, test.Feature);
    }

    /// <inheritdoc/>
    public bool TryWalk(ReadOnlySpan<double> features, Span<int> outcomes, Span<int> penalties)
    {
        foreach (var f in _features)
        {
            if (double.IsNaN(features[f]))
                return false;
        }
        if (_setFeatures.Length == 0)
        {
            if (_links is null)
                Walk<NoSets>(features, [], outcomes);
            else
                WalkLinked<NoSets>(features, [], outcomes);
        }
        else
        {
            // Indexed by every test's feature (an interval test's members are none), so as long as the last one tested.
            Span<ulong> bits = stackalloc ulong[_features[^1] + 1];
            bits.Clear();
            foreach (var f in _setFeatures)
            {
                // A whole number within 64 of the smallest member is a bit; any other number is in no set.
                var x = features[f];
                var first = _bases[f];
                var offset = (long)x - first;
                bits[f] = offset == x - first && (ulong)offset < 64 ? 1UL << (int)offset : 0;
            }
            if (_links is null)
                Walk<WithSets>(features, bits, outcomes);
            else
                WalkLinked<WithSets>(features, bits, outcomes);
        }
        penalties[.._trees].Clear();
        return true;
    }

    // Specialised per forest kind (a struct type argument), so that a forest without sets pays nothing for them. Four
    // trees a level at a time: each walk is a chain of dependent loads, and four chains keep the core busy. Reads skip
    // bounds checks: a heap position stays within its tree's tests for depth steps, and every feature tested lies
    // within the vector and the bits (TryWalk has read the last one tested).
    private void Walk<TSets>(ReadOnlySpan<double> features, ReadOnlySpan<ulong> bits, Span<int> outcomes) where TSets : struct, ISets
    {
        ref var tests = ref MemoryMarshal.GetArrayDataReference(_tests);
        ref var x = ref MemoryMarshal.GetReference(features);
        ref var words = ref MemoryMarshal.GetReference(bits);
        var leaves = _outcomes;
        var testsPerTree = (1 << _depth) - 1;
        var t = 0;
        for (; t + 4 <= _trees; t += 4)
        {
            ref var a = ref Unsafe.Add(ref tests, t * testsPerTree);
            ref var b = ref Unsafe.Add(ref a, testsPerTree);
            ref var c = ref Unsafe.Add(ref b, testsPerTree);
            ref var d = ref Unsafe.Add(ref c, testsPerTree);
            int ia = 0, ib = 0, ic = 0, id = 0;
            for (var level = 0; level < _depth; level++)
            {
                ia = 2 * ia + 2 - Passes<TSets>(Unsafe.Add(ref a, ia), ref x, ref words);
                ib = 2 * ib + 2 - Passes<TSets>(Unsafe.Add(ref b, ib), ref x, ref words);
                ic = 2 * ic + 2 - Passes<TSets>(Unsafe.Add(ref c, ic), ref x, ref words);
                id = 2 * id + 2 - Passes<TSets>(Unsafe.Add(ref d, id), ref x, ref words);
            }
            outcomes[t] = leaves[(t << _depth) + ia - testsPerTree];
            outcomes[t + 1] = leaves[((t + 1) << _depth) + ib - testsPerTree];
            outcomes[t + 2] = leaves[((t + 2) << _depth) + ic - testsPerTree];
            outcomes[t + 3] = leaves[((t + 3) << _depth) + id - testsPerTree];
        }
        for (; t < _trees; t++)
        {
            ref var tree = ref Unsafe.Add(ref tests, t * testsPerTree);
            var at = 0;
            for (var level = 0; level < _depth; level++)
                at = 2 * at + 2 - Passes<TSets>(Unsafe.Add(ref tree, at), ref x, ref words);
            outcomes[t] = leaves[(t << _depth) + at - testsPerTree];
        }
    }

    // The trees that keep their shape, four of like depth at a time, each for its group's deepest: a tree's outcome
    // leads to itself, so a walk that arrived early stays there. Reads skip bounds checks: every link is a node of the
    // tree, and every feature tested lies within the vector and the bits (TryWalk has read the last one tested).
    private void WalkLinked<TSets>(ReadOnlySpan<double> features, ReadOnlySpan<ulong> bits, Span<int> outcomes) where TSets : struct, ISets
    {
        ref var tests = ref MemoryMarshal.GetArrayDataReference(_tests);
        ref var links = ref MemoryMarshal.GetArrayDataReference(_links!);
        ref var x = ref MemoryMarshal.GetReference(features);
        ref var words = ref MemoryMarshal.GetReference(bits);
        var leaves = _outcomes;
        var t = 0;
        for (; t + 4 <= _trees; t += 4)
        {
            int ia = _roots[t], ib = _roots[t + 1], ic = _roots[t + 2], id = _roots[t + 3];
            for (var level = _depths[t + 3]; level > 0; level--)
            {
                ia = Next<TSets>(ref tests, ref links, ref x, ref words, ia);
                ib = Next<TSets>(ref tests, ref links, ref x, ref words, ib);
                ic = Next<TSets>(ref tests, ref links, ref x, ref words, ic);
                id = Next<TSets>(ref tests, ref links, ref x, ref words, id);
            }
            outcomes[_order[t]] = leaves[ia];
            outcomes[_order[t + 1]] = leaves[ib];
            outcomes[_order[t + 2]] = leaves[ic];
            outcomes[_order[t + 3]] = leaves[id];
        }
        for (; t < _trees; t++)
        {
            var at = _roots[t];
            for (var level = _depths[t]; level > 0; level--)
                at = Next<TSets>(ref tests, ref links, ref x, ref words, at);
            outcomes[_order[t]] = leaves[at];
        }
    }

    /// <summary>The node after node <paramref name="at"/> of a tree that keeps its shape: its link when the feature passes, else the node after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Next<TSets>(ref Test tests, ref int links, ref double features, ref ulong bits, int at) where TSets : struct, ISets =>
        Unsafe.Add(ref links, at) + 1 - Passes<TSets>(Unsafe.Add(ref tests, at), ref features, ref bits);

    /// <summary>1 when the test's feature passes it (within its interval, or a member of its set), else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Passes<TSets>(in Test test, ref double features, ref ulong bits) where TSets : struct, ISets
    {
        var x = Unsafe.Add(ref features, test.Feature);
        return Unsafe.BitCast<bool, byte>((x >= test.Low) & (x <= test.High) | default(TSets).Holds(test, ref bits));
    }

    private interface ISets
    {
        /// <summary>Whether the test's set holds its feature's bit, read from <paramref name="bits"/> without a bounds check.</summary>
        bool Holds(in Test test, ref ulong bits);
    }

    private readonly struct NoSets : ISets
    {
        public bool Holds(in Test test, ref ulong bits) => false;
    }

    private readonly struct WithSets : ISets
    {
        public bool Holds(in Test test, ref ulong bits) => (test.Members & Unsafe.Add(ref bits, test.Feature)) != 0;
    }
}
