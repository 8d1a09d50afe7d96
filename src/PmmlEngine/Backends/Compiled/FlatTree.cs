using System.Numerics;
using System.Runtime.CompilerServices;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A TreeModel as arrays: tests walked by a tight loop over a feature vector instead of a recursive node structure.
/// The missing value strategy is already in the edges, so the walk is the same loop for every strategy it supports.
/// </summary>
internal sealed class FlatTree
{
    public required TreePlan Plan { get; init; }
    public required TreeTest[] Tests { get; init; }

    /// <summary>The first edge: a test index, or ~outcome when the root decides without a test.</summary>
    public required int Start { get; init; }

    /// <summary>Where a walk can end: a node whose prediction is returned, or null for no prediction.</summary>
    public required TreeNodePlan?[] Outcomes { get; init; }

    /// <summary>Each outcome's score as a number (NaN when it has none), for ensembles that only add scores.</summary>
    public required double[] OutcomeScores { get; init; }

    /// <summary>Each outcome's one-hot distribution, for classification leaves that only have a score.</summary>
    public required double[]?[] OutcomeCertainties { get; init; }

    public required FeatureMap Features { get; init; }
    public required ulong[] Bitsets { get; init; }
    public required double[] Numbers { get; init; }
    /// <summary>The compiled predicates of <see cref="TestOp.Generic"/> tests, called with their index.</summary>
    public required Func<RowContext, int, Truth>[] Generic { get; init; }

    /// <summary>True when every test is <see cref="TestOp.LessOrEqual"/>: the batch kernel can walk it without branching on the op.</summary>
    public required bool OnlyLessOrEqual { get; init; }

    /// <summary>The longest chain of tests from the start to an outcome.</summary>
    public required int Depth { get; init; }

    /// <summary>Walks the tree; returns the outcome and counts the penalised unknown edges taken.</summary>
    // Inlined into the ensembles' loops over their trees: a call per tree is a tenth of a boosted model's time.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Walk(Span<double> features, RowContext row, out int penalties)
    {
        penalties = 0;
        var edge = Start;
        while (edge >= 0)
            edge = Step(edge, features, row, ref penalties);
        return ~edge;
    }

    /// <summary>Takes one edge from test <paramref name="edge"/>: the next test, or ~outcome.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Step(int edge, Span<double> features, RowContext row, ref int penalties)
    {
        ref readonly var test = ref Tests[edge];
        if (test.IsInterval)
        {
            // ≤, = and the float ranges are one closed interval, so a forest that mixes them (numbers and category codes)
            // takes one path instead of a branch on the op that is as good as random; which way a value goes is computed
            // without a branch too. Whether the value is present at all almost never changes.
            var v = features[test.Feature];
            if (!double.IsNaN(v))
                return test.OnFalse + ((test.OnTrue - test.OnFalse) & -Unsafe.BitCast<bool, byte>((v >= test.Low) & (v <= test.Threshold)));
        }
        else if (test.Op is TestOp.InSet or TestOp.InValues)
        {
            // Set membership (LightGBM's category sets, XGBoost's sets of integer categories) on a present value.
            var v = features[test.Feature];
            if (!double.IsNaN(v))
                return (test.Op == TestOp.InSet ? InSet(test, v) : InValues(test, v)) ? test.OnTrue : test.OnFalse;
        }
        return Slow(test, features, row, ref penalties);
    }

    // Out of line: the other tests, and a feature not read yet or absent.
    private int Slow(in TreeTest test, Span<double> features, RowContext row, ref int penalties)
    {
        var truth = Evaluate(test, features, row);
        if (truth == Truth.True)
            return test.OnTrue;
        if (truth == Truth.False)
            return test.OnFalse;
        if (test.Penalized)
            penalties++;
        return test.OnUnknown;
    }

    private Truth Evaluate(in TreeTest test, Span<double> features, RowContext row)
    {
        if (test.Op == TestOp.Generic)
            return Generic[test.Aux](row, test.Aux);
        var x = features[test.Feature];
        if (double.IsNaN(x))
        {
            if (Compiled.Features.IsUnread(x))
                x = features[test.Feature] = Features.Read(row, test.Feature);
            else if (Compiled.Features.IsFailed(x))
                Features.Rethrow(test.Feature, row);
        }
        if (test.Op == TestOp.IsMissing)
            return Compiled.Features.IsMissing(x) ? Truth.True : Truth.False;
        return double.IsNaN(x) ? Truth.Unknown : HoldsFor(test, x) ? Truth.True : Truth.False;
    }

    /// <summary>Whether a test other than <see cref="TestOp.Generic"/> holds for a present (not NaN) value of its feature.</summary>
    public bool HoldsFor(in TreeTest test, double x) => test.Op switch
    {
        _ when test.IsInterval => x >= test.Low && x <= test.Threshold,
        TestOp.InSet => InSet(test, x),
        TestOp.InValues => InValues(test, x),
        _ => false,
    };

    // A plain loop: the sets are a few numbers, for which Span.Contains's set-up costs more than the comparisons.
    public bool InValues(in TreeTest test, double x)
    {
        foreach (var value in Numbers.AsSpan(test.Aux, (int)test.Threshold))
        {
            if (value == x)
                return true;
        }
        return false;
    }

    /// <summary>The whole numbers a <see cref="TestOp.InSet"/> test holds, from its bitset words.</summary>
    public List<int> SetMembers(in TreeTest test)
    {
        var members = new List<int>();
        for (var word = 0; word < (int)test.Threshold; word++)
        {
            for (var bits = Bitsets[test.Aux + word]; bits != 0; bits &= bits - 1)
                members.Add(64 * word + BitOperations.TrailingZeroCount(bits));
        }
        return members;
    }

    // A category code, or a number of a set of small whole numbers: a fraction, a negative or a too large number is no
    // member (a conversion out of int's range saturates, and the saturated value differs from the number).
    public bool InSet(in TreeTest test, double value)
    {
        var code = (int)value;
        var words = (int)test.Threshold;
        return code == value && code >= 0 && code >> 6 < words && (Bitsets[test.Aux + (code >> 6)] >> (code & 63) & 1) != 0;
    }
}
