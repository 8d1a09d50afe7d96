using System.Buffers;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// Batch scoring of a tree sum (gradient boosting: the ensemble adds its trees' leaf scores), at the top of the document
/// or as a segment of a model chain: a block of rows is prepared into a feature matrix, then each tree is walked for
/// every row of the block while its tests are in cache, adding to each row's running sum with the same steps as
/// single-record scoring.
/// </summary>
internal sealed class TreeSumBatch
{
    public const int BlockRows = 512;

    private readonly CompiledEnsemble _ensemble;
    private readonly FlatTree[] _trees;
    private readonly double[] _weights;
    private readonly PackedTree[]? _packed;
    private readonly TestIndicators _indicators;

    private TreeSumBatch(CompiledEnsemble ensemble, FlatTree[] trees)
    {
        _ensemble = ensemble;
        _trees = trees;
        (_indicators, _packed) = PackForest(ensemble.Features!.Count, trees);
        _weights = ensemble.Ensemble.Segments.Select(s => s.Weight).ToArray();
    }

    /// <summary>
    /// A forest's trees packed over features and test indicators (<see cref="TestIndicators"/>), each leaf holding
    /// <paramref name="leafValues"/> of its tree (its score unless given), or null packed trees when the indicators would
    /// cost more than they save. LightGBM's and XGBoost's trees send a missing value along one of each test's edges, so
    /// rows with one can be packed too, at the cost of the columns that encode where each test sends it; trees that return
    /// the last or a null prediction for one, or forests whose columns would then be too many, leave those rows to the
    /// plain walk.
    /// </summary>
    internal static (TestIndicators Indicators, PackedTree[]? Packed) PackForest(int width, FlatTree[] trees, Func<FlatTree, double[]>? leafValues = null)
    {
        var missingValues = trees.All(TestIndicators.SendsMissingAlongAnEdge);
        var forest = Pack(width, trees, missingValues, leafValues);
        return forest.Packed is null && missingValues ? Pack(width, trees, missingValues: false, leafValues) : forest;
    }

    private static (TestIndicators Indicators, PackedTree[]? Packed) Pack(int width, FlatTree[] trees, bool missingValues, Func<FlatTree, double[]>? leafValues)
    {
        var indicators = new TestIndicators(width, missingValues, trees);
        var packed = trees.Select(t => PackedTree.From(t, indicators: indicators, leafValues: leafValues?.Invoke(t))).ToArray();
        // A row computes every indicator but walks only its own path through each tree, Depth steps: XGBoostAuto, with
        // 205 indicators for 186 steps before its category sets were masked, scored 0.85× as fast packed as by the plain
        // walk; forests with a fifteenth to a sixth as many gained 1.7–2.2× (docs/performance.md).
        return (indicators, packed.All(p => p is not null) && indicators.Count <= trees.Sum(t => t.Depth) / 2 ? packed.Select(p => p!).ToArray() : null);
    }

    /// <summary>
    /// The kernel applies when the top model is a tree sum without outputs whose trees need nothing but the feature
    /// vector (no compiled predicates reading the record).
    /// </summary>
    public static TreeSumBatch? For(CompiledModel top) =>
        top is CompiledEnsemble { Ensemble.Outputs.Length: 0 } ensemble ? Of(ensemble) : null;

    /// <summary>
    /// Kernels for the tree sums among a top-level model chain's segments (a classifier's boosted trees before its link
    /// function): they compute the sums of a block (<see cref="Sum"/>), and each record is then scored with its sums
    /// preset (<see cref="EnsembleState.PresetSum"/>). Only packed kernels whose features are prepared inputs: a block
    /// reads every feature of every record, where the record path reads the few its walk needs, and features computed by
    /// expressions made XGBoostSentiment's batch (81 TF-IDF terms, 31 trees, of documents the numeric layout left
    /// missing) 0.44× as fast. Empty when the top model is no chain or none applies.
    /// </summary>
    public static TreeSumBatch[] ForChain(CompiledModel top) =>
        top is CompiledEnsemble ensemble
            ? ensemble.Chained.OfType<CompiledEnsemble>().Select(Of)
                .Where(k => k is { Packed: true } && k.Features.ReadsPreparedInputs()).Select(k => k!).ToArray()
            : [];

    private static TreeSumBatch? Of(CompiledEnsemble ensemble) =>
        ensemble is { Trees: { } trees, Features: not null } && trees.All(t => t.Generic.Length == 0) ? new TreeSumBatch(ensemble, trees) : null;

    public CompiledEnsemble Ensemble => _ensemble;

    public FeatureMap Features => _ensemble.Features!;

    /// <summary>
    /// Whether every tree is packed, with few enough indicators for tests other than "x ≤ t", so that rows without
    /// missing features take the branch-free kernel.
    /// </summary>
    public bool Packed => _packed is not null;

    /// <summary>Whether rows with missing values take the packed kernel too (see <see cref="TestIndicators.MissingValues"/>).</summary>
    public bool MissingValues => _packed is not null && _indicators.MissingValues;

    /// <summary>
    /// Scores the rows of a block whose features are loaded (row-major, <see cref="FeatureMap.Count"/> per row) and
    /// writes each row's prediction after Targets; rows marked failed are skipped. Each row keeps a running sum made
    /// with the single-record steps (<c>EnsembleInterpreter.SumAdd</c>), tree by tree in order. A row where some tree
    /// made no prediction (its sum turned NaN) is marked in <paramref name="retry"/>: the missing prediction treatment
    /// is the single-record path's.
    /// </summary>
    public void Score(Span<double> features, int rows, ReadOnlySpan<bool> failed, Span<bool> retry, Span<double> sums, RowContext row, ModelResult result, Span<Value> predictions)
    {
        Sum(features, rows, failed, sums, row);
        for (var r = 0; r < rows; r++)
        {
            if (failed[r] || (retry[r] = double.IsNaN(sums[r])))
                continue;
            result.Reset();
            _ensemble.PredictFromSum(sums[r], result);
            predictions[r] = result.Predicted;
        }
    }

    /// <summary>
    /// The running sums of a block's rows (see <see cref="Score"/>), before SumFinish; NaN for a row where some tree made
    /// no prediction. Rows marked failed are skipped. The others take the packed kernel, except for rows with a missing
    /// feature where the trees do not send missing values along their edges: those take the plain walk.
    /// </summary>
    public void Sum(Span<double> features, int rows, ReadOnlySpan<bool> failed, Span<double> sums, RowContext row)
    {
        var width = Features.Count;
        var plan = _ensemble.Ensemble;
        var kind = EnsembleInterpreter.SumKindOf(plan)!.Value;
        var start = EnsembleInterpreter.SumStart(plan);
        sums[..rows].Fill(start);
        if (_packed is null)
        {
            SumTests(features, rows, width, failed, sums, kind, row);
            return;
        }
        var missingValues = _indicators.MissingValues;
        if (missingValues ? !failed[..rows].Contains(true) : !HasNaN(features[..(rows * width)]))
        {
            SumPacked(features, rows, width, sums, kind);
            return;
        }
        // Sporadic missing values (or failed rows) leave few blocks without one: the other rows are gathered for the
        // packed kernel.
        var walked = ArrayPool<bool>.Shared.Rent(rows);
        var present = ArrayPool<double>.Shared.Rent(rows * width);
        var presentSums = ArrayPool<double>.Shared.Rent(rows);
        var positions = ArrayPool<int>.Shared.Rent(rows);
        try
        {
            var count = 0;
            for (var r = 0; r < rows; r++)
            {
                var vector = features.Slice(r * width, width);
                var packs = !failed[r] && (missingValues || !HasNaN(vector));
                // The plain walk skips the failed rows and those the packed kernel takes.
                walked[r] = failed[r] || packs;
                if (!packs)
                    continue;
                vector.CopyTo(present.AsSpan(count * width, width));
                positions[count++] = r;
            }
            SumTests(features, rows, width, walked, sums, kind, row);
            if (count == 0)
                return;
            presentSums.AsSpan(0, count).Fill(start);
            SumPacked(present, count, width, presentSums, kind);
            for (var i = 0; i < count; i++)
                sums[positions[i]] = presentSums[i];
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(walked);
            ArrayPool<double>.Shared.Return(present);
            ArrayPool<double>.Shared.Return(presentSums);
            ArrayPool<int>.Shared.Return(positions);
        }
    }

    /// <summary>
    /// Rows for the packed trees, eight in lockstep, each tree's scores added straight into the rows' sums (a copy padded
    /// to whole groups of eight).
    /// </summary>
    private void SumPacked(ReadOnlySpan<double> features, int rows, int width, Span<double> sums, SumKind kind)
    {
        const int lanes = PackedTree.Lanes;
        var stride = (width + _indicators.Count) * lanes;
        var length = (rows + lanes - 1) / lanes * stride;
        var rented = ArrayPool<long>.Shared.Rent(length + lanes - 1);
        var padded = ArrayPool<double>.Shared.Rent((rows + lanes - 1) / lanes * lanes);
        try
        {
            var groups = PackedTree.Aligned(rented, length);
            var count = PackedTree.Group(features, rows, width, groups, _indicators);
            sums[..rows].CopyTo(padded);
            switch (kind)
            {
                case SumKind.Float:
                    AddTrees<FloatLaneSum>(groups, count, stride, padded);
                    break;
                case SumKind.Weighted:
                    AddTrees<WeightedLaneSum>(groups, count, stride, padded);
                    break;
                default:
                    AddTrees<PlainLaneSum>(groups, count, stride, padded);
                    break;
            }
            padded.AsSpan(0, rows).CopyTo(sums);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(rented);
            ArrayPool<double>.Shared.Return(padded);
        }
    }

    private void AddTrees<TSum>(ReadOnlySpan<long> groups, int count, int stride, double[] sums) where TSum : struct, ILaneSum
    {
        var trees = _packed!;
        for (var t = 0; t < trees.Length; t++)
            trees[t].AddGroups<TSum>(groups, count, stride, sums, _weights[t]);
    }

    /// <summary>
    /// The single-record walk, tree by tree, for the rows not marked in <paramref name="skip"/>: those with a missing
    /// feature the packed trees do not take, or every row where the trees are not packed. Failed rows are always skipped
    /// (their features may be stale or mark a failed field); the others have every feature read, so the walk reads
    /// nothing from the record.
    /// </summary>
    private void SumTests(Span<double> features, int rows, int width, ReadOnlySpan<bool> skip, Span<double> sums, SumKind kind, RowContext row)
    {
        for (var t = 0; t < _trees.Length; t++)
        {
            var tree = _trees[t];
            var weight = _weights[t];
            for (var r = 0; r < rows; r++)
                if (!skip[r])
                    sums[r] = EnsembleInterpreter.SumAdd(kind, sums[r], tree.OutcomeScores[tree.Walk(features.Slice(r * width, width), row, out _)], weight);
        }
    }

    internal static bool HasNaN(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
            if (double.IsNaN(v))
                return true;
        return false;
    }
}
