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
/// complete tree are compared for four rows per instruction instead (<see cref="TopLevels"/>), or for all eight where
/// the hardware has 512-bit vectors (<see cref="WideTopLevels"/>), a group ahead of its steps. Thresholds and
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
    /// The levels of a complete tree walked by vector compares in two 256-bit halves (<see cref="TopLevels"/>): a fourth
    /// level doubles the tests compared and measured slower than three (session 18's stand-alone walk; 1.01× in session
    /// 30's, with the top levels compared a group ahead).
    /// </summary>
    private const int VectorLevels = 3;

    /// <summary>
    /// The levels walked by 512-bit compares, a group's eight rows in one vector (<see cref="WideTopLevels"/>), where
    /// the hardware has them: four levels measured 1.14× three in 256-bit halves on gbdt-500x8, five 0.91× four.
    /// </summary>
    private const int WideLevels = 4;

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

    /// <summary>Whether the top <see cref="WideLevels"/> levels are compared in 512-bit vectors (see <see cref="From"/>).</summary>
    public bool Wide { get; private init; }

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
    /// <param name="wide">
    /// False to compare a complete tree's top levels in 256-bit halves even where the hardware has 512-bit vectors (so
    /// that tests on such hardware walk both ways).
    /// </param>
    public static PackedTree? From(FlatTree tree, bool allowComplete = true, TestIndicators? indicators = null, double[]? leafValues = null,
        bool wide = true)
    {
        if (tree.Generic.Length > 0 || !tree.OnlyLessOrEqual && indicators is null
            || indicators is { MissingValues: true } && !TestIndicators.SendsMissingAlongAnEdge(tree))
            return null;
        var limit = 4 * (tree.Tests.Length + tree.Outcomes.Length) + 16;
        leafValues ??= tree.OutcomeScores;
        return allowComplete && tree.Depth <= MaxCompleteDepth && (2 << tree.Depth) <= limit
            ? CompleteFrom(tree, indicators, leafValues, wide && Vector512.IsHardwareAccelerated && tree.Depth >= WideLevels)
            : LinkedFrom(tree, limit, indicators, leafValues);
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

    private static PackedTree CompleteFrom(FlatTree tree, TestIndicators? indicators, double[] leafValues, bool wide)
    {
        var tests = (1 << tree.Depth) - 1;
        var thresholds = new long[tests];
        var offsets = new int[tests];
        var masks = new long[tests];
        masks.AsSpan().Fill(AllBits);
        var scores = new double[2 * tests + 1];
        scores.AsSpan(0, tests).Fill(double.NaN);
        Place(tree.Start, 0);
        return new PackedTree(thresholds, offsets, [], masks, scores, tree.Depth, complete: true) { Wide = wide };

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
    /// The part of <paramref name="rented"/> (at least <paramref name="length"/> + <see cref="Lanes"/> − 1 long) that holds
    /// <paramref name="length"/> keys from a 64-byte boundary on, so that each feature of a group (eight keys) fills one
    /// cache line for <see cref="WideTopLevels{TMask}"/>. Should a collection move the array later, the walk is slower,
    /// never wrong.
    /// </summary>
    public static Span<long> Aligned(long[] rented, int length)
    {
        var address = Unsafe.ByteOffset(ref Unsafe.NullRef<long>(), ref MemoryMarshal.GetArrayDataReference(rented));
        return rented.AsSpan((int)(-address & 63) / sizeof(long), length);
    }

    /// <summary>
    /// Adds the tree's scores of the first <paramref name="count"/> groups (<see cref="Group"/>, <paramref name="stride"/>
    /// keys each), every group's eight rows walked in lockstep, to their running sums (<paramref name="sums"/>, eight
    /// per group) the way <typeparamref name="TSum"/> adds.
    /// </summary>
    public void AddGroups<TSum>(ReadOnlySpan<long> groups, int count, int stride, Span<double> sums, double weight) where TSum : struct, ILaneSum
    {
        if (Wide)
        {
            if (Masked)
                AddGroups<WideHeap, Masks, TSum>(groups, count, stride, sums, weight);
            else
                AddGroups<WideHeap, NoMasks, TSum>(groups, count, stride, sums, weight);
        }
        else if (Complete && Depth >= VectorLevels && Vector256.IsHardwareAccelerated)
        {
            if (Masked)
                AddGroups<Heap, Masks, TSum>(groups, count, stride, sums, weight);
            else
                AddGroups<Heap, NoMasks, TSum>(groups, count, stride, sums, weight);
        }
        else if (Complete)
        {
            if (Masked)
                AddGroups<ShallowHeap, Masks, TSum>(groups, count, stride, sums, weight);
            else
                AddGroups<ShallowHeap, NoMasks, TSum>(groups, count, stride, sums, weight);
        }
        else if (Masked)
            AddGroups<Linked, Masks, TSum>(groups, count, stride, sums, weight);
        else
            AddGroups<Linked, NoMasks, TSum>(groups, count, stride, sums, weight);
    }

    /// <summary>
    /// One walk per layout and mask kind, each a method of its own, never inlined: inlined into one caller together, the
    /// four walks ran out of the JIT's inlining budget, and gbdt-500x8 scored at 0.4× with its steps left as calls; the
    /// dispatcher's tier-1 code, inlining one of them, left LightGBMAudit's walk a call per group. The tree's arrays and
    /// the block's bounds are read once here, not once per group, where they took as many instructions as a level's steps.
    /// A complete tree's top levels are compared a group ahead: the next group's vector loads and compares then run while
    /// this group's eight chains of dependent loads wait, which the core's reorder window was too small to find on its
    /// own (gbdt-500x8 1.11× on one thread, docs/performance.md, session 30).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private void AddGroups<TChild, TMask, TSum>(ReadOnlySpan<long> groups, int count, int stride, Span<double> sums, double weight)
        where TChild : struct, IChild where TMask : struct, IMask where TSum : struct, ILaneSum
    {
        if ((long)count * stride > groups.Length || (long)count * Lanes > sums.Length)
            throw new ArgumentOutOfRangeException(nameof(count));
        if (count == 0)
            return;
        var walk = new Walk(this);
        ref var x = ref MemoryMarshal.GetReference(groups);
        ref var sum = ref MemoryMarshal.GetReference(sums);
        ref var end = ref Unsafe.Add(ref sum, count * Lanes);
        ref var last = ref Unsafe.Add(ref x, (count - 1) * stride);
        var top = TChild.Top == VectorLevels ? TopLevels<TMask>(ref x, ref walk.Offsets, ref walk.Thresholds, ref walk.Masks) : default;
        var wide = TChild.Top == WideLevels ? WideTopLevels<TMask>(ref x, ref walk.Offsets, ref walk.Thresholds, ref walk.Masks) : default;
        while (Unsafe.IsAddressLessThan(ref sum, ref end))
        {
            // The last group's "next" is itself again, so that no read leaves the block.
            ref var next = ref Unsafe.Add(ref x, Unsafe.IsAddressLessThan(ref x, ref last) ? stride : 0);
            var nextTop = TChild.Top == VectorLevels ? TopLevels<TMask>(ref next, ref walk.Offsets, ref walk.Thresholds, ref walk.Masks) : default;
            var nextWide = TChild.Top == WideLevels ? WideTopLevels<TMask>(ref next, ref walk.Offsets, ref walk.Thresholds, ref walk.Masks) : default;
            AddEight<TChild, TMask, TSum>(in walk, ref x, ref sum, weight, top, wide);
            top = nextTop;
            wide = nextWide;
            x = ref next;
            sum = ref Unsafe.Add(ref sum, Lanes);
        }
    }

    /// <summary>A tree's arrays as references, taken once per walk of a block.</summary>
    private readonly ref struct Walk(PackedTree tree)
    {
        public readonly ref long Thresholds = ref MemoryMarshal.GetArrayDataReference(tree._thresholds);
        public readonly ref int Offsets = ref MemoryMarshal.GetArrayDataReference(tree._offsets);
        public readonly ref int Lefts = ref MemoryMarshal.GetArrayDataReference(tree._lefts);
        public readonly ref long Masks = ref MemoryMarshal.GetArrayDataReference(tree._masks);
        public readonly ref double Leaves = ref MemoryMarshal.GetArrayDataReference(tree._leafScores);
        public readonly int Depth = tree.Depth;
    }

    /// <summary>
    /// Node and feature indices were checked when the tree was packed (every child is a node, or in a complete tree a leaf
    /// after the last step; every offset lies in a group of the block's width), and the group and its sums lie within the
    /// block (checked by the caller), which is why the reads skip bounds checks. A complete tree's walk starts from the
    /// group's positions after its top levels: <paramref name="top"/> (<see cref="TopLevels{TMask}"/>) or
    /// <paramref name="wide"/> (<see cref="WideTopLevels{TMask}"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddEight<TChild, TMask, TSum>(in Walk walk, ref long x, ref double sums, double weight,
        (Vector256<long> Low, Vector256<long> High) top, Vector512<long> wide)
        where TChild : struct, IChild where TMask : struct, IMask where TSum : struct, ILaneSum
    {
        ref var thresholds = ref walk.Thresholds;
        ref var offsets = ref walk.Offsets;
        ref var lefts = ref walk.Lefts;
        ref var masks = ref walk.Masks;
        nint a, b, c, d, e, f, g, h;
        int first;
        if (TChild.Top == WideLevels)
        {
            (a, b, c, d) = ((nint)wide.GetElement(0), (nint)wide.GetElement(1), (nint)wide.GetElement(2), (nint)wide.GetElement(3));
            (e, f, g, h) = ((nint)wide.GetElement(4), (nint)wide.GetElement(5), (nint)wide.GetElement(6), (nint)wide.GetElement(7));
            first = WideLevels;
        }
        else if (TChild.Top == VectorLevels)
        {
            var (low, high) = top;
            (a, b, c, d) = ((nint)low.GetElement(0), (nint)low.GetElement(1), (nint)low.GetElement(2), (nint)low.GetElement(3));
            (e, f, g, h) = ((nint)high.GetElement(0), (nint)high.GetElement(1), (nint)high.GetElement(2), (nint)high.GetElement(3));
            first = VectorLevels;
        }
        else
        {
            a = b = c = d = e = f = g = h = 0;
            first = 0;
        }
        for (var step = walk.Depth - first; step > 0; step--)
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
        ref var leaves = ref walk.Leaves;
        TSum.Add(ref sums,
            Vector256.Create(Unsafe.Add(ref leaves, a), Unsafe.Add(ref leaves, b), Unsafe.Add(ref leaves, c), Unsafe.Add(ref leaves, d)),
            Vector256.Create(Unsafe.Add(ref leaves, e), Unsafe.Add(ref leaves, f), Unsafe.Add(ref leaves, g), Unsafe.Add(ref leaves, h)),
            weight);
    }

    /// <summary>
    /// The heap positions of a group's rows (lanes 0–3, then 4–7) after the top <see cref="VectorLevels"/> levels of a
    /// complete tree. Every one of the seven tests there is compared for four rows at once, as each test's feature sits
    /// in neighbouring lanes, and each level's result is picked from the results of its tests by the levels above: seven
    /// tests' compares (each test's feature offset and threshold read once for both halves) replace 24 dependent scalar
    /// steps.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<long> Low, Vector256<long> High) TopLevels<TMask>(ref long x, ref int offsets, ref long thresholds, ref long masks) where TMask : struct, IMask
    {
        // All ones where a row's feature is above test i's threshold (its false child, 2i + 2), else zero.
        var (l0, h0) = Above<TMask>(ref x, ref offsets, ref thresholds, ref masks, 0);
        var (l1, h1) = Above<TMask>(ref x, ref offsets, ref thresholds, ref masks, 1);
        var (l2, h2) = Above<TMask>(ref x, ref offsets, ref thresholds, ref masks, 2);
        var (l3, h3) = Above<TMask>(ref x, ref offsets, ref thresholds, ref masks, 3);
        var (l4, h4) = Above<TMask>(ref x, ref offsets, ref thresholds, ref masks, 4);
        var (l5, h5) = Above<TMask>(ref x, ref offsets, ref thresholds, ref masks, 5);
        var (l6, h6) = Above<TMask>(ref x, ref offsets, ref thresholds, ref masks, 6);
        var lg1 = Select(l0, l2, l1);
        var hg1 = Select(h0, h2, h1);
        var lg2 = Select(l0, Select(lg1, l6, l5), Select(lg1, l4, l3));
        var hg2 = Select(h0, Select(hg1, h6, h5), Select(hg1, h4, h3));
        return (Position(l0, lg1, lg2), Position(h0, hg1, hg2));
    }

    /// <summary>Position 7 + 4·b0 + 2·b1 + b2 where each level's result g is −b (all ones where above).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<long> Position(Vector256<long> g0, Vector256<long> g1, Vector256<long> g2)
    {
        var bits = g0 + g0 + g1;
        return Vector256.Create(7L) - (bits + bits + g2);
    }

    /// <summary>Test <paramref name="test"/>'s compares for lanes 0–3 and 4–7.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<long> Low, Vector256<long> High) Above<TMask>(ref long x, ref int offsets, ref long thresholds, ref long masks, nint test) where TMask : struct, IMask
    {
        ref var feature = ref Unsafe.Add(ref x, Unsafe.Add(ref offsets, test));
        var threshold = Vector256.Create(Unsafe.Add(ref thresholds, test));
        return (Vector256.GreaterThan(TMask.Apply(Vector256.LoadUnsafe(ref feature), ref masks, test), threshold),
            Vector256.GreaterThan(TMask.Apply(Vector256.LoadUnsafe(ref feature, Lanes / 2), ref masks, test), threshold));
    }

    /// <summary>
    /// The heap positions of a group's eight rows after the top <see cref="WideLevels"/> levels, each of the fifteen
    /// tests compared for all eight rows in one 512-bit vector and each level's result picked by the levels above (one
    /// <c>vpternlogq</c> per pick). The group's rows must start on a 64-byte line for this to pay: a vector load across two
    /// lines made it slower than the 256-bit halves (see <see cref="Aligned"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<long> WideTopLevels<TMask>(ref long x, ref int offsets, ref long thresholds, ref long masks) where TMask : struct, IMask
    {
        var g0 = WideAbove<TMask>(ref x, ref offsets, ref thresholds, ref masks, 0);
        var g1 = Vector512.ConditionalSelect(g0, WideAbove<TMask>(ref x, ref offsets, ref thresholds, ref masks, 2), WideAbove<TMask>(ref x, ref offsets, ref thresholds, ref masks, 1));
        var g2 = Vector512.ConditionalSelect(g0,
            Vector512.ConditionalSelect(g1, WideAbove<TMask>(ref x, ref offsets, ref thresholds, ref masks, 6), WideAbove<TMask>(ref x, ref offsets, ref thresholds, ref masks, 5)),
            Vector512.ConditionalSelect(g1, WideAbove<TMask>(ref x, ref offsets, ref thresholds, ref masks, 4), WideAbove<TMask>(ref x, ref offsets, ref thresholds, ref masks, 3)));
        var g3 = Vector512.ConditionalSelect(g0,
            Vector512.ConditionalSelect(g1, Level3<TMask>(ref x, ref offsets, ref thresholds, ref masks, 13, g2), Level3<TMask>(ref x, ref offsets, ref thresholds, ref masks, 11, g2)),
            Vector512.ConditionalSelect(g1, Level3<TMask>(ref x, ref offsets, ref thresholds, ref masks, 9, g2), Level3<TMask>(ref x, ref offsets, ref thresholds, ref masks, 7, g2)));
        // Position 15 + 8·b0 + 4·b1 + 2·b2 + b3, each g being −b.
        var bits = g0 + g0 + g1;
        bits = bits + bits + g2;
        return Vector512.Create(15L) - (bits + bits + g3);
    }

    /// <summary>The result of level-3 test <paramref name="test"/> or the one after it, picked by level 2's result.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<long> Level3<TMask>(ref long x, ref int offsets, ref long thresholds, ref long masks, nint test, Vector512<long> g2)
        where TMask : struct, IMask =>
        Vector512.ConditionalSelect(g2, WideAbove<TMask>(ref x, ref offsets, ref thresholds, ref masks, test + 1), WideAbove<TMask>(ref x, ref offsets, ref thresholds, ref masks, test));

    /// <summary>Test <paramref name="test"/>'s compare for a group's eight rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<long> WideAbove<TMask>(ref long x, ref int offsets, ref long thresholds, ref long masks, nint test) where TMask : struct, IMask =>
        Vector512.GreaterThan(
            TMask.Apply(Vector512.LoadUnsafe(ref x, (nuint)Unsafe.Add(ref offsets, test)), ref masks, test),
            Vector512.Create(Unsafe.Add(ref thresholds, test)));

    /// <summary>
    /// <paramref name="ifAbove"/> where <paramref name="mask"/> is all ones, else <paramref name="ifNot"/>: one blend
    /// instruction where AVX2 has it (ConditionalSelect compiles to three bitwise ones here).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<long> Select(Vector256<long> mask, Vector256<long> ifAbove, Vector256<long> ifNot) =>
        Avx2.IsSupported ? Avx2.BlendVariable(ifNot, ifAbove, mask) : Vector256.ConditionalSelect(mask, ifAbove, ifNot);

    /// <summary>1 when lane <paramref name="lane"/>'s feature is above the test's threshold, else 0, without a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint Greater<TMask>(ref long x, nint lane, ref int offsets, ref long thresholds, ref long masks, nint index) where TMask : struct, IMask =>
        Unsafe.BitCast<bool, byte>(TMask.Apply(Unsafe.Add(ref x, Unsafe.Add(ref offsets, index) + lane), ref masks, index) > Unsafe.Add(ref thresholds, index));

    /// <summary>What a step does to its key before the compare; a struct type argument, so trees without set tests skip it.</summary>
    private interface IMask
    {
        static abstract long Apply(long key, ref long masks, nint index);

        static abstract Vector256<long> Apply(Vector256<long> keys, ref long masks, nint index);

        static abstract Vector512<long> Apply(Vector512<long> keys, ref long masks, nint index);
    }

    private readonly struct NoMasks : IMask
    {
        public static long Apply(long key, ref long masks, nint index) => key;

        public static Vector256<long> Apply(Vector256<long> keys, ref long masks, nint index) => keys;

        public static Vector512<long> Apply(Vector512<long> keys, ref long masks, nint index) => keys;
    }

    private readonly struct Masks : IMask
    {
        public static long Apply(long key, ref long masks, nint index) => key & Unsafe.Add(ref masks, index);

        public static Vector256<long> Apply(Vector256<long> keys, ref long masks, nint index) => keys & Vector256.Create(Unsafe.Add(ref masks, index));

        public static Vector512<long> Apply(Vector512<long> keys, ref long masks, nint index) => keys & Vector512.Create(Unsafe.Add(ref masks, index));
    }

    /// <summary>Where a test's left child is; a struct type argument so that each layout's walk is compiled on its own.</summary>
    private interface IChild
    {
        /// <summary>
        /// The levels the walk takes by vector compares before its scalar steps: <see cref="VectorLevels"/>
        /// (<see cref="PackedTree.TopLevels{TMask}"/>), <see cref="WideLevels"/> (<see cref="WideTopLevels{TMask}"/>) or none.
        /// </summary>
        static abstract int Top { get; }

        static abstract nint Left(ref int lefts, nint index);
    }

    private readonly struct Linked : IChild
    {
        public static int Top => 0;

        public static nint Left(ref int lefts, nint index) => Unsafe.Add(ref lefts, index);
    }

    /// <summary>A complete tree at least <see cref="VectorLevels"/> deep, on vector hardware.</summary>
    private readonly struct Heap : IChild
    {
        public static int Top => VectorLevels;

        public static nint Left(ref int lefts, nint index) => 2 * index + 1;
    }

    /// <summary>A complete tree at least <see cref="WideLevels"/> deep, on hardware with 512-bit vectors.</summary>
    private readonly struct WideHeap : IChild
    {
        public static int Top => WideLevels;

        public static nint Left(ref int lefts, nint index) => 2 * index + 1;
    }

    /// <summary>A complete tree too shallow for <see cref="PackedTree.TopLevels{TMask}"/>, or without vector hardware.</summary>
    private readonly struct ShallowHeap : IChild
    {
        public static int Top => 0;

        public static nint Left(ref int lefts, nint index) => 2 * index + 1;
    }
}
