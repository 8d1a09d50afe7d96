using System.Runtime.CompilerServices;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Errors;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// Walks an ensemble's trees for one record four at a time. A walk is a chain of dependent loads (test, feature, next
/// test), so one tree at a time leaves the core waiting on each; four independent walks interleaved keep it busy.
/// The walks only find outcomes: the ensemble still combines them tree by tree in document order. A group in which a
/// field's computation fails is left unwalked (outcome <see cref="Unwalked"/>), and <see cref="Outcome"/> walks
/// its trees alone when the ensemble reaches them, so the error surfaces where the interpreter raises it, or not at
/// all when an earlier tree ends the record.
/// </summary>
internal static class TreeLanes
{
    public const int Unwalked = -1;

    public static void Walk(FlatTree[] trees, Span<double> features, RowContext row, Span<int> outcomes, Span<int> penalties)
    {
        var i = 0;
        for (; i + 4 <= trees.Length; i += 4)
        {
            if (!TryWalk4(trees, i, features, row, outcomes, penalties))
                outcomes.Slice(i, 4).Fill(Unwalked);
        }
        for (; i < trees.Length; i++)
            outcomes[i] = Unwalked;
    }

    /// <summary>Tree <paramref name="i"/>'s outcome, walking it now when its group was not walked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Outcome(FlatTree[] trees, int i, Span<double> features, RowContext row, Span<int> outcomes, Span<int> penalties) =>
        outcomes[i] != Unwalked ? outcomes[i] : WalkAlone(trees, i, features, row, outcomes, penalties);

    private static int WalkAlone(FlatTree[] trees, int i, Span<double> features, RowContext row, Span<int> outcomes, Span<int> penalties) =>
        outcomes[i] = trees[i].Walk(features, row, out penalties[i]);

    private static bool TryWalk4(FlatTree[] trees, int i, Span<double> features, RowContext row, Span<int> outcomes, Span<int> penalties)
    {
        try
        {
            Walk4(trees[i], trees[i + 1], trees[i + 2], trees[i + 3], features, row, outcomes.Slice(i, 4), penalties.Slice(i, 4));
            return true;
        }
        catch (PmmlEvaluationException)
        {
            return false;
        }
    }

    private static void Walk4(FlatTree a, FlatTree b, FlatTree c, FlatTree d, Span<double> features, RowContext row, Span<int> outcomes, Span<int> penalties)
    {
        int pa = 0, pb = 0, pc = 0, pd = 0;
        int ea = a.Start, eb = b.Start, ec = c.Start, ed = d.Start;
        // Until every edge is an outcome (negative); a finished lane stays as it is.
        while ((ea & eb & ec & ed) >= 0)
        {
            if (ea >= 0) ea = a.Step(ea, features, row, ref pa);
            if (eb >= 0) eb = b.Step(eb, features, row, ref pb);
            if (ec >= 0) ec = c.Step(ec, features, row, ref pc);
            if (ed >= 0) ed = d.Step(ed, features, row, ref pd);
        }
        outcomes[0] = ~ea; outcomes[1] = ~eb; outcomes[2] = ~ec; outcomes[3] = ~ed;
        penalties[0] = pa; penalties[1] = pb; penalties[2] = pc; penalties[3] = pd;
    }
}
