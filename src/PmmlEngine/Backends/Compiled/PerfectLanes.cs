using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// An ensemble's shallow trees padded to complete binary trees of one depth D (heap order: test i's true child is
/// 2i+1, its false child 2i+2; an outcome above the last level pushed down through tests every number passes), walked
/// for a record whose features are all present numbers. Every walk takes D steps and each step computes its next test
/// instead of branching on the test's kind or on the value, so nothing is mispredicted and the core runs ahead into
/// the next tree. A step tests an interval [Low, High] and, in forests with set tests, a set at once (an interval
/// test's set is empty, a set test's interval is): each feature a set tests is read once per record as one bit of a
/// 64-bit word (its whole number less the feature's smallest member), and a set is the word of its members. A record
/// with an absent feature, whose walk takes unknown edges, is left to <see cref="TreeLanes"/>. Outcomes are the flat
/// trees' own.
/// </summary>
internal sealed class PerfectLanes
{
    /// <summary>Deeper trees would take 2^D tests each, mostly padding; the lanes walk them.</summary>
    public const int MaxDepth = 8;

    /// <summary>The most features a forest with sets may test: their bits are on the stack.</summary>
    private const int MaxSetForestFeatures = 256;

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Test(double Low, double High, ulong Members, int Feature);

    private static readonly Test Passing = new(double.NegativeInfinity, double.PositiveInfinity, 0, 0);

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
        var depth = 0;
        foreach (var tree in trees)
        {
            foreach (var test in tree.Tests)
            {
                if (!test.IsInterval && test.Op != TestOp.InSet)
                    return null;
                width = Math.Max(width, test.Feature + 1);
            }
            depth = Math.Max(depth, DepthOf(tree, tree.Start));
        }
        if (width == 0 || depth > MaxDepth)
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
        var lanes = new PerfectLanes(Math.Max(depth, 1), trees.Length, features.ToArray(), setFeatures.ToArray(), lowest);
        for (var t = 0; t < trees.Length; t++)
            lanes.Place(trees[t], trees[t].Start, t, 0);
        return lanes;
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
        if (test.IsInterval)
        {
            _tests[tree * testsPerTree + at] = new Test(test.Low, test.Threshold, 0, test.Feature);
        }
        else
        {
            var members = 0UL;
            foreach (var member in flat.SetMembers(test))
                members |= 1UL << (member - _bases[test.Feature]);
            _tests[tree * testsPerTree + at] = new Test(double.PositiveInfinity, double.NegativeInfinity, members, test.Feature);
        }
        Place(flat, test.OnTrue, tree, 2 * at + 1);
        Place(flat, test.OnFalse, tree, 2 * at + 2);
    }

    /// <summary>
    /// Every tree's outcome for features that are all present numbers (penalties none, as no unknown edge is taken);
    /// false, with nothing written, when some feature the trees test is absent.
    /// </summary>
    public bool TryWalk(ReadOnlySpan<double> features, Span<int> outcomes, Span<int> penalties)
    {
        foreach (var f in _features)
        {
            if (double.IsNaN(features[f]))
                return false;
        }
        if (_setFeatures.Length == 0)
        {
            Walk<NoSets>(features, [], outcomes);
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
            Walk<WithSets>(features, bits, outcomes);
        }
        penalties[.._trees].Clear();
        return true;
    }

    // Specialised per forest kind (a struct type argument), so that a forest without sets pays nothing for them. Four
    // trees a level at a time: each walk is a chain of dependent loads, and four chains keep the core busy.
    private void Walk<TSets>(ReadOnlySpan<double> features, ReadOnlySpan<ulong> bits, Span<int> outcomes) where TSets : struct, ISets
    {
        // The arrays indexed at each tree's base, not spans of them: a span of this assembly's struct is framework
        // generic code outside the precompiled image, which a first pass would run unoptimised.
        var tests = _tests;
        var leaves = _outcomes;
        var testsPerTree = (1 << _depth) - 1;
        var t = 0;
        for (; t + 4 <= _trees; t += 4)
        {
            var a = t * testsPerTree;
            var b = a + testsPerTree;
            var c = b + testsPerTree;
            var d = c + testsPerTree;
            int ia = 0, ib = 0, ic = 0, id = 0;
            for (var level = 0; level < _depth; level++)
            {
                ia = Step<TSets>(tests[a + ia], ia, features, bits);
                ib = Step<TSets>(tests[b + ib], ib, features, bits);
                ic = Step<TSets>(tests[c + ic], ic, features, bits);
                id = Step<TSets>(tests[d + id], id, features, bits);
            }
            outcomes[t] = leaves[(t << _depth) + ia - testsPerTree];
            outcomes[t + 1] = leaves[((t + 1) << _depth) + ib - testsPerTree];
            outcomes[t + 2] = leaves[((t + 2) << _depth) + ic - testsPerTree];
            outcomes[t + 3] = leaves[((t + 3) << _depth) + id - testsPerTree];
        }
        for (; t < _trees; t++)
        {
            var tree = t * testsPerTree;
            var at = 0;
            for (var level = 0; level < _depth; level++)
                at = Step<TSets>(tests[tree + at], at, features, bits);
            outcomes[t] = leaves[(t << _depth) + at - testsPerTree];
        }
    }

    /// <summary>The heap position after test <paramref name="at"/>: its true child 2·at+1 when the feature passes, else 2·at+2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step<TSets>(in Test test, int at, ReadOnlySpan<double> features, ReadOnlySpan<ulong> bits) where TSets : struct, ISets
    {
        var x = features[test.Feature];
        var pass = (x >= test.Low) & (x <= test.High) | default(TSets).Holds(test, bits);
        return 2 * at + 2 - Unsafe.BitCast<bool, byte>(pass);
    }

    private interface ISets
    {
        bool Holds(in Test test, ReadOnlySpan<ulong> bits);
    }

    private readonly struct NoSets : ISets
    {
        public bool Holds(in Test test, ReadOnlySpan<ulong> bits) => false;
    }

    private readonly struct WithSets : ISets
    {
        public bool Holds(in Test test, ReadOnlySpan<ulong> bits) => (test.Members & bits[test.Feature]) != 0;
    }
}
