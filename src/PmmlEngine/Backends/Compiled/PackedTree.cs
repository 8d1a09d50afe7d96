using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A tree whose tests are all "x ≤ t" (category sets become "(bit &amp; members) &gt; 0" where they fit one word, other
/// tests "indicator ≤ 0", see <see cref="TestIndicators"/>), packed for branch-free walking, eight rows in lockstep. A
/// missing value is keyed below or above every threshold, whichever sends it along the test's unknown edge (see
/// <see cref="TestIndicators.MissingValues"/>). A test's two children sit side by side, so a step is
/// "next = left + (x &gt; t)", and every row takes exactly <see cref="Depth"/> steps. Two layouts: a
/// <see cref="Complete"/> tree is padded to a complete binary tree in heap order, where the left child of node i is
/// 2i + 1 and a step computes it instead of loading it; deeper or sparse trees, which padding would blow up, keep their
/// own shape with leaves as nodes (t = +∞, like padding) that lead to themselves.
/// Rows come in groups of eight, feature-major (<see cref="Group"/>), so that every lane reads its feature at the same
/// offset from one base: a step is two loads from the tree, one from the group, a compare and an add; the top levels of a
/// complete tree are compared for four rows per instruction instead (<see cref="TopLevels"/>). Thresholds and
/// features are held as order-preserving integer keys (<see cref="Key"/>): an integer compare is shorter and cheaper
/// than a floating-point one in the walk's dependency chain (1.1–1.2× in session 10's stand-alone walk).
/// </summary>
internal sealed class PackedTree
{
    /// <summary>The deepest tree padded to a complete one (2^10 leaves; a deeper level doubles the size again).</summary>
    public const int MaxCompleteDepth = 10;

    /// <summary>Rows walked in lockstep.</summary>
    public const int Lanes = 8;

    /// <summary>
    /// The levels of a complete tree walked by vector compares (<see cref="TopLevels"/>): a fourth level doubles the
    /// tests compared and measured slower than three (session 18's stand-alone walk).
    /// </summary>
    private const int VectorLevels = 3;

    private readonly long[] _thresholds;
    // A test's feature as its offset in a group: feature × Lanes.
    private readonly int[] _offsets;
    // Linked layout only: each test's left child.
    private readonly int[] _lefts;
    // Trees with set tests only (TestIndicators.MaskOf): what each test masks its key with, all ones for "x ≤ t".
    private readonly long[] _masks;
    private readonly double[] _leafScores;

    private PackedTree(long[] thresholds, int[] offsets, int[] lefts, long[] masks, double[] leafScores, int depth, bool complete)
    {
        _thresholds = thresholds;
        _offsets = offsets;
        _lefts = lefts;
        _masks = masks.Any(m => m != AllBits) ? masks : [];
        _leafScores = leafScores;
        Depth = depth;
        Complete = complete;
    }

    public int Depth { get; }

    /// <summary>Heap order: the 2^Depth − 1 tests come first and a walk ends on index 2^Depth − 1 + leaf.</summary>
    public bool Complete { get; }

    /// <summary>
    /// The packed form, or null when the tree has other tests, sends a missing value to an outcome of its own where
    /// <paramref name="indicators"/> are to pack such values, or has shared subtrees that would grow too much when copied.
    /// Complete when the tree is at most <see cref="MaxCompleteDepth"/> deep and padding at most quadruples it, unless
    /// <paramref name="allowComplete"/> is false.
    /// </summary>
    /// <param name="tree">The tree.</param>
    /// <param name="allowComplete">False to keep the tree's own shape whatever its size.</param>
    /// <param name="indicators">
    /// Where tests other than "x ≤ t" get a feature of their own (<see cref="TestIndicators"/>); without it only trees of
    /// "x ≤ t" tests are packed.
    /// </param>
    /// <param name="leafValues">
    /// What a walk adds for each outcome: the tree's scores, unless given (a forest's tally walks to outcome numbers).
    /// </param>
    public static PackedTree? From(FlatTree tree, bool allowComplete = true, TestIndicators? indicators = null, double[]? leafValues = null)
    {
        if (tree.Generic.Length > 0 || !tree.OnlyLessOrEqual && indicators is null
            || indicators is { MissingValues: true } && !TestIndicators.SendsMissingAlongAnEdge(tree))
            return null;
        var limit = 4 * (tree.Tests.Length + tree.Outcomes.Length) + 16;
        leafValues ??= tree.OutcomeScores;
        return allowComplete && tree.Depth <= MaxCompleteDepth && (2 << tree.Depth) <= limit
            ? CompleteFrom(tree, indicators, leafValues) : LinkedFrom(tree, limit, indicators, leafValues);
    }

    /// <summary>Whether the tree has set tests masked in place of indicators, walked with one more AND per step.</summary>
    public bool Masked => _masks.Length > 0;

    private const long AllBits = -1;

    /// <summary>
    /// A test as a key, a column's offset and a mask, and whether its true edge is the right child: "x ≤ t" as it is
    /// (on the feature's column, or where missing values are packed and go to the false edge, on the column that keys
    /// them above every threshold); a set test whose feature's sets fit one word as "(bit &amp; members) &gt; 0", true on the
    /// right; any other test as "its indicator (0 or 1) ≤ 0".
    /// </summary>
    private static (long Threshold, int Offset, long Mask, bool TrueRight) Compare(FlatTree tree, in TreeTest test, TestIndicators? indicators)
    {
        if (test.Op == TestOp.LessOrEqual)
            return (Key(test.Threshold), (indicators?.FeatureOf(tree, test) ?? test.Feature) * Lanes, AllBits, false);
        if (indicators!.MaskOf(tree, test) is { } bit)
            return (0, bit.Column * Lanes, bit.Mask, true);
        return (0, indicators.FeatureOf(tree, test) * Lanes, AllBits, false);
    }

    private static PackedTree CompleteFrom(FlatTree tree, TestIndicators? indicators, double[] leafValues)
    {
        var tests = (1 << tree.Depth) - 1;
        var thresholds = new long[tests];
        var offsets = new int[tests];
        var masks = new long[tests];
        masks.AsSpan().Fill(AllBits);
        var scores = new double[2 * tests + 1];
        scores.AsSpan(0, tests).Fill(double.NaN);
        Place(tree.Start, 0);
        return new PackedTree(thresholds, offsets, [], masks, scores, tree.Depth, complete: true);

        // An outcome above the last level is pushed down through tests every row passes: x ≤ +∞ on feature 0's own
        // column, where a missing value is keyed below every threshold too.
        void Place(int edge, int at)
        {
            if (at >= tests)
            {
                scores[at] = leafValues[~edge];
                return;
            }
            if (edge < 0)
            {
                thresholds[at] = Key(double.PositiveInfinity);
                Place(edge, 2 * at + 1);
                Place(edge, 2 * at + 2);
                return;
            }
            ref readonly var test = ref tree.Tests[edge];
            (thresholds[at], offsets[at], masks[at], var trueRight) = Compare(tree, test, indicators);
            Place(trueRight ? test.OnFalse : test.OnTrue, 2 * at + 1);
            Place(trueRight ? test.OnTrue : test.OnFalse, 2 * at + 2);
        }
    }

    private static PackedTree? LinkedFrom(FlatTree tree, int limit, TestIndicators? indicators, double[] leafValues)
    {
        var tests = tree.Tests;
        var thresholds = new List<long> { 0 };
        var offsets = new List<int> { 0 };
        var lefts = new List<int> { 0 };
        var masks = new List<long> { AllBits };
        var scores = new List<double> { double.NaN };
        var pending = new Queue<(int Edge, int Position)>();
        pending.Enqueue((tree.Start, 0));
        while (pending.Count > 0)
        {
            var (edge, position) = pending.Dequeue();
            if (edge < 0)
            {
                thresholds[position] = Key(double.PositiveInfinity);
                lefts[position] = position;
                scores[position] = leafValues[~edge];
                continue;
            }
            if (thresholds.Count + 2 > limit)
                return null;
            var left = thresholds.Count;
            for (var child = 0; child < 2; child++)
            {
                thresholds.Add(0);
                offsets.Add(0);
                lefts.Add(0);
                masks.Add(AllBits);
                scores.Add(double.NaN);
            }
            (thresholds[position], offsets[position], masks[position], var trueRight) = Compare(tree, tests[edge], indicators);
            lefts[position] = left;
            pending.Enqueue((trueRight ? tests[edge].OnFalse : tests[edge].OnTrue, left));
            pending.Enqueue((trueRight ? tests[edge].OnTrue : tests[edge].OnFalse, left + 1));
        }
        return new PackedTree(thresholds.ToArray(), offsets.ToArray(), lefts.ToArray(), masks.ToArray(), scores.ToArray(), tree.Depth, complete: false);
    }

    /// <summary>
    /// A number as a 64-bit integer in the same order: "x &gt; t" on numbers that are not NaN is "Key(x) &gt; Key(t)".
    /// −0 is first made +0 (adding +0 does that and changes nothing else), as the two compare equal; a negative number's
    /// bits below the sign are flipped, so that a larger magnitude gives a smaller key.
    /// </summary>
    public static long Key(double x)
    {
        var bits = BitConverter.DoubleToInt64Bits(x + 0.0);
        return bits ^ (bits >> 63 & long.MaxValue);
    }

    /// <summary>
    /// Copies rows (row-major, <paramref name="width"/> features each) into groups of <see cref="Lanes"/> rows,
    /// feature-major within a group, as keys (<see cref="Key"/>, a missing value below every threshold): feature f of the
    /// group's row k at f × Lanes + k, followed by the rows' <paramref name="indicators"/>. The last group is filled up
    /// with copies of the last row. Returns the number of groups.
    /// </summary>
    public static int Group(ReadOnlySpan<double> rows, int count, int width, Span<long> groups, TestIndicators? indicators = null)
    {
        var columns = width + (indicators?.Count ?? 0);
        var groupCount = (count + Lanes - 1) / Lanes;
        for (var r = 0; r < groupCount * Lanes; r++)
        {
            var source = rows.Slice(Math.Min(r, count - 1) * width, width);
            var group = groups.Slice(r / Lanes * columns * Lanes, columns * Lanes);
            var lane = r % Lanes;
            for (var f = 0; f < width; f++)
                group[f * Lanes + lane] = double.IsNaN(source[f]) ? long.MinValue : Key(source[f]);
            indicators?.Fill(source, group, lane);
        }
        return groupCount;
    }

    /// <summary>
    /// Adds the tree's scores of the first <paramref name="count"/> groups (<see cref="Group"/>, <paramref name="stride"/>
    /// keys each), every group's eight rows walked in lockstep, to their running sums (<paramref name="sums"/>, eight
    /// per group) the way <typeparamref name="TSum"/> adds.
    /// </summary>
    public void AddGroups<TSum>(ReadOnlySpan<long> groups, int count, int stride, Span<double> sums, double weight) where TSum : struct, ILaneSum
    {
        if (Complete)
        {
            if (Masked)
                AddGroups<Heap, Masks, TSum>(groups, count, stride, sums, weight);
            else
                AddGroups<Heap, NoMasks, TSum>(groups, count, stride, sums, weight);
        }
        else if (Masked)
            AddGroups<Linked, Masks, TSum>(groups, count, stride, sums, weight);
        else
            AddGroups<Linked, NoMasks, TSum>(groups, count, stride, sums, weight);
    }

    /// <summary>
    /// One walk per layout and mask kind, each a method of its own, never inlined: inlined into one caller together, the
    /// four walks ran out of the JIT's inlining budget, and gbdt-500x8 scored at 0.4× with its steps left as calls; the
    /// dispatcher's tier-1 code, inlining one of them, left LightGBMAudit's walk a call per group.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private void AddGroups<TChild, TMask, TSum>(ReadOnlySpan<long> groups, int count, int stride, Span<double> sums, double weight)
        where TChild : struct, IChild where TMask : struct, IMask where TSum : struct, ILaneSum
    {
        for (var g = 0; g < count; g++)
            AddEight<TChild, TMask, TSum>(groups.Slice(g * stride, stride), sums.Slice(g * Lanes, Lanes), weight);
    }

    /// <summary>
    /// Node and feature indices were checked when the tree was packed (every child is a node, or in a complete tree a leaf
    /// after the last step; every offset lies in a group of the block's width), which is why the reads skip bounds checks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddEight<TChild, TMask, TSum>(ReadOnlySpan<long> group, Span<double> sums, double weight)
        where TChild : struct, IChild where TMask : struct, IMask where TSum : struct, ILaneSum
    {
        ref var thresholds = ref MemoryMarshal.GetArrayDataReference(_thresholds);
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(_offsets);
        ref var lefts = ref MemoryMarshal.GetArrayDataReference(_lefts);
        ref var masks = ref MemoryMarshal.GetArrayDataReference(_masks);
        ref var x = ref MemoryMarshal.GetReference(group);
        nint a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0;
        var first = 0;
        var depth = Depth;
        if (TChild.IsHeap && depth >= VectorLevels && Vector256.IsHardwareAccelerated)
        {
            var low = TopLevels<TMask>(ref x, ref offsets, ref thresholds, ref masks, 0);
            var high = TopLevels<TMask>(ref x, ref offsets, ref thresholds, ref masks, Lanes / 2);
            (a, b, c, d) = ((nint)low.GetElement(0), (nint)low.GetElement(1), (nint)low.GetElement(2), (nint)low.GetElement(3));
            (e, f, g, h) = ((nint)high.GetElement(0), (nint)high.GetElement(1), (nint)high.GetElement(2), (nint)high.GetElement(3));
            first = VectorLevels;
        }
        for (var step = first; step < depth; step++)
        {
            a = TChild.Left(ref lefts, a) + Greater<TMask>(ref x, 0, ref offsets, ref thresholds, ref masks, a);
            b = TChild.Left(ref lefts, b) + Greater<TMask>(ref x, 1, ref offsets, ref thresholds, ref masks, b);
            c = TChild.Left(ref lefts, c) + Greater<TMask>(ref x, 2, ref offsets, ref thresholds, ref masks, c);
            d = TChild.Left(ref lefts, d) + Greater<TMask>(ref x, 3, ref offsets, ref thresholds, ref masks, d);
            e = TChild.Left(ref lefts, e) + Greater<TMask>(ref x, 4, ref offsets, ref thresholds, ref masks, e);
            f = TChild.Left(ref lefts, f) + Greater<TMask>(ref x, 5, ref offsets, ref thresholds, ref masks, f);
            g = TChild.Left(ref lefts, g) + Greater<TMask>(ref x, 6, ref offsets, ref thresholds, ref masks, g);
            h = TChild.Left(ref lefts, h) + Greater<TMask>(ref x, 7, ref offsets, ref thresholds, ref masks, h);
        }
        ref var leaves = ref MemoryMarshal.GetArrayDataReference(_leafScores);
        TSum.Add(ref MemoryMarshal.GetReference(sums[..Lanes]),
            Vector256.Create(Unsafe.Add(ref leaves, a), Unsafe.Add(ref leaves, b), Unsafe.Add(ref leaves, c), Unsafe.Add(ref leaves, d)),
            Vector256.Create(Unsafe.Add(ref leaves, e), Unsafe.Add(ref leaves, f), Unsafe.Add(ref leaves, g), Unsafe.Add(ref leaves, h)),
            weight);
    }

    /// <summary>
    /// The heap positions of four rows (lanes <paramref name="half"/> to <paramref name="half"/> + 3) after the top
    /// <see cref="VectorLevels"/> levels of a complete tree. Every one of the seven tests there is compared for the four
    /// rows at once, as each test's feature sits in four neighbouring lanes, and each level's result is picked from the
    /// results of its tests by the levels above: seven vector compares replace twelve dependent scalar steps.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<long> TopLevels<TMask>(ref long x, ref int offsets, ref long thresholds, ref long masks, nint half) where TMask : struct, IMask
    {
        // All ones where the row's feature is above test i's threshold (its false child, 2i + 2), else zero.
        var g0 = Above<TMask>(ref x, ref offsets, ref thresholds, ref masks, 0, half);
        var g1 = Select(g0, Above<TMask>(ref x, ref offsets, ref thresholds, ref masks, 2, half), Above<TMask>(ref x, ref offsets, ref thresholds, ref masks, 1, half));
        var g2 = Select(g0,
            Select(g1, Above<TMask>(ref x, ref offsets, ref thresholds, ref masks, 6, half), Above<TMask>(ref x, ref offsets, ref thresholds, ref masks, 5, half)),
            Select(g1, Above<TMask>(ref x, ref offsets, ref thresholds, ref masks, 4, half), Above<TMask>(ref x, ref offsets, ref thresholds, ref masks, 3, half)));
        // Position 7 + 4·g0 + 2·g1 + g2 with each g as 0 or 1; here they are 0 or −1.
        return Vector256.Create(7L) - (g0 << 2) - (g1 << 1) - g2;
    }

    /// <summary>
    /// <paramref name="ifAbove"/> where <paramref name="mask"/> is all ones, else <paramref name="ifNot"/>: one blend
    /// instruction where AVX2 has it (ConditionalSelect compiles to three bitwise ones here).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<long> Select(Vector256<long> mask, Vector256<long> ifAbove, Vector256<long> ifNot) =>
        Avx2.IsSupported ? Avx2.BlendVariable(ifNot, ifAbove, mask) : Vector256.ConditionalSelect(mask, ifAbove, ifNot);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<long> Above<TMask>(ref long x, ref int offsets, ref long thresholds, ref long masks, nint test, nint half) where TMask : struct, IMask =>
        Vector256.GreaterThan(
            TMask.Apply(Vector256.LoadUnsafe(ref x, (nuint)(Unsafe.Add(ref offsets, test) + half)), ref masks, test),
            Vector256.Create(Unsafe.Add(ref thresholds, test)));

    /// <summary>1 when lane <paramref name="lane"/>'s feature is above the test's threshold, else 0, without a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint Greater<TMask>(ref long x, nint lane, ref int offsets, ref long thresholds, ref long masks, nint index) where TMask : struct, IMask =>
        Unsafe.BitCast<bool, byte>(TMask.Apply(Unsafe.Add(ref x, Unsafe.Add(ref offsets, index) + lane), ref masks, index) > Unsafe.Add(ref thresholds, index));

    /// <summary>What a step does to its key before the compare; a struct type argument, so trees without set tests skip it.</summary>
    private interface IMask
    {
        static abstract long Apply(long key, ref long masks, nint index);

        static abstract Vector256<long> Apply(Vector256<long> keys, ref long masks, nint index);
    }

    private readonly struct NoMasks : IMask
    {
        public static long Apply(long key, ref long masks, nint index) => key;

        public static Vector256<long> Apply(Vector256<long> keys, ref long masks, nint index) => keys;
    }

    private readonly struct Masks : IMask
    {
        public static long Apply(long key, ref long masks, nint index) => key & Unsafe.Add(ref masks, index);

        public static Vector256<long> Apply(Vector256<long> keys, ref long masks, nint index) => keys & Vector256.Create(Unsafe.Add(ref masks, index));
    }

    /// <summary>Where a test's left child is; a struct type argument so that each layout's walk is compiled on its own.</summary>
    private interface IChild
    {
        static abstract bool IsHeap { get; }

        static abstract nint Left(ref int lefts, nint index);
    }

    private readonly struct Linked : IChild
    {
        public static bool IsHeap => false;

        public static nint Left(ref int lefts, nint index) => Unsafe.Add(ref lefts, index);
    }

    private readonly struct Heap : IChild
    {
        public static bool IsHeap => true;

        public static nint Left(ref int lefts, nint index) => 2 * index + 1;
    }
}
