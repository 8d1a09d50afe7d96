using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// Batch scoring of a classification forest that averages its trees' probabilities or counts their votes (sklearn's
/// random forests): each tree is walked for a block of rows at once by the packed kernel (<see cref="PackedTree"/>), to
/// the outcome each row reaches, and each outcome's share (<see cref="LeafTally"/>) is added to the row's totals tree by
/// tree, in the order and with the additions of the single-record tally, so the totals are the same to the bit. The
/// top model's distribution, Targets and outputs are then its own steps on those totals.
/// </summary>
internal sealed class TallyBatch
{
    private readonly CompiledEnsemble _ensemble;
    private readonly FlatTree[] _trees;
    private readonly LeafTally _tally;
    private readonly PackedTree[] _packed;
    private readonly TestIndicators _indicators;
    private readonly int _categories;

    private TallyBatch(CompiledEnsemble ensemble, FlatTree[] trees, LeafTally tally, TestIndicators indicators, PackedTree[] packed)
    {
        _ensemble = ensemble;
        _trees = trees;
        _tally = tally;
        _indicators = indicators;
        _packed = packed;
        _categories = ensemble.Ensemble.Target.Categories.Length;
    }

    /// <summary>
    /// The kernel for a top-level forest with a tally whose trees read nothing but prepared inputs and pack, and whose
    /// outputs come from its result alone (so that a row's results need nothing of its record); else null. A forest
    /// without trees predicts nothing, which the record path's tally says.
    /// </summary>
    public static TallyBatch? For(CompiledModel top)
    {
        if (top is not CompiledEnsemble { LeafTally: { } tally, Lanes: { Length: > 0 } trees, Features: { } features } ensemble
            || !features.ReadsPreparedInputs() || !trees.All(t => t.Generic.Length == 0) || !ensemble.Plan.Outputs.All(o => o.ReadsResultOnly))
            return null;
        // Each leaf holds its outcome's number, which the walk writes for the row instead of adding a score.
        var (indicators, packed) = TreeSumBatch.PackForest(features.Count, trees, t => Enumerable.Range(0, t.Outcomes.Length).Select(o => (double)o).ToArray());
        return packed is null ? null : new TallyBatch(ensemble, trees, tally, indicators, packed);
    }

    public FeatureMap Features => _ensemble.Features!;

    /// <summary>Whether every result is read from a slot <see cref="Finish"/> and the targets write: a target or an output of the forest.</summary>
    public bool Writes(DocumentPlan plan, IReadOnlyList<PublicField> results)
    {
        var written = plan.Targets.Select(t => t.Slots[0]).Concat(_ensemble.Plan.Outputs.Select(o => o.Slot)).ToHashSet();
        return results.All(f => f.Slots.All(written.Contains));
    }

    /// <summary>The number of totals per row: the target's categories.</summary>
    public int Categories => _categories;

    /// <summary>
    /// The totals (<see cref="Categories"/> per row) and divisors of a block's rows whose features are loaded (row-major,
    /// <see cref="FeatureMap.Count"/> per row); rows marked failed are skipped. A row where some tree predicts nothing is
    /// marked in <paramref name="retry"/>: the missing prediction treatment is the single-record path's. Rows with a
    /// missing feature that the packed trees do not take are walked tree by tree.
    /// </summary>
    public void Tally(Span<double> features, int rows, ReadOnlySpan<bool> failed, Span<bool> retry, Span<double> totals, Span<double> divisors, RowContext row)
    {
        const int lanes = PackedTree.Lanes;
        var width = Features.Count;
        totals[..(rows * _categories)].Clear();
        divisors[..rows].Clear();
        var stride = (width + _indicators.Count) * lanes;
        var present = ArrayPool<double>.Shared.Rent(rows * width);
        var positions = ArrayPool<int>.Shared.Rent(rows);
        var walked = ArrayPool<int>.Shared.Rent(rows);
        var length = (rows + lanes - 1) / lanes * stride;
        var rented = ArrayPool<long>.Shared.Rent(length + lanes - 1);
        var outcomes = ArrayPool<double>.Shared.Rent((rows + lanes - 1) / lanes * lanes);
        try
        {
            var packs = 0;
            var walks = 0;
            for (var r = 0; r < rows; r++)
            {
                if (failed[r])
                    continue;
                var vector = features.Slice(r * width, width);
                if (_indicators.MissingValues || !TreeSumBatch.HasNaN(vector))
                {
                    vector.CopyTo(present.AsSpan(packs * width, width));
                    positions[packs++] = r;
                }
                else
                    walked[walks++] = r;
            }
            var groups = PackedTree.Aligned(rented, length);
            var count = PackedTree.Group(present.AsSpan(0, packs * width), packs, width, groups, _indicators);
            for (var t = 0; t < _trees.Length; t++)
            {
                _packed[t].AddGroups<OutcomeLanes>(groups, count, stride, outcomes, 0);
                for (var i = 0; i < packs; i++)
                    Add(t, (int)outcomes[i], positions[i], totals, divisors, retry);
                for (var i = 0; i < walks; i++)
                {
                    var r = walked[i];
                    Add(t, _trees[t].Walk(features.Slice(r * width, width), row, out _), r, totals, divisors, retry);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(present);
            ArrayPool<int>.Shared.Return(positions);
            ArrayPool<int>.Shared.Return(walked);
            ArrayPool<long>.Shared.Return(rented);
            ArrayPool<double>.Shared.Return(outcomes);
        }
    }

    // Tree t's share for row r, unless an earlier tree already sent the row to the single-record path.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(int t, int outcome, int r, Span<double> totals, Span<double> divisors, Span<bool> retry)
    {
        if (!retry[r] && !_tally.TryAdd(t, outcome, totals.Slice(r * _categories, _categories), ref divisors[r]))
            retry[r] = true;
    }

    /// <summary>
    /// Scores a row from its totals into the workspace's slots, as the single-record tally ends: the totals divided by the
    /// divisor as the distribution, then the forest's Targets and outputs; returns the prediction for the targets.
    /// </summary>
    public Value Finish(Workspace workspace, ReadOnlySpan<double> totals, double divisor)
    {
        var row = workspace.Row;
        row.Reset();
        var distribution = ((EnsembleState)workspace.States[_ensemble.Id]!).Totals;
        for (var i = 0; i < distribution.Length; i++)
            distribution[i] = totals[i] / divisor;
        var result = workspace.Results[_ensemble.Id];
        result.Reset();
        result.SetDistribution(distribution);
        ModelInterpreter.ApplyTargets(_ensemble.Plan, result);
        OutputInterpreter.Write(_ensemble.Plan, result, row);
        return result.Predicted;
    }

    /// <summary>Writes the outcome numbers the leaves hold for eight rows, where a tree sum adds scores.</summary>
    private readonly struct OutcomeLanes : ILaneSum
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Add(ref double sums, Vector256<double> low, Vector256<double> high, double weight)
        {
            low.StoreUnsafe(ref sums);
            high.StoreUnsafe(ref sums, 4);
        }
    }
}
