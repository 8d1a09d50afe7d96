using System.Runtime.CompilerServices;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// Batch scoring of a top-level tree sum (gradient boosting: the ensemble adds its trees' leaf scores): a block of rows
/// is prepared into a feature matrix, then each tree is walked for every row of the block while its tests are in cache,
/// then each row's scores are combined with the same arithmetic as single-record scoring.
/// </summary>
internal sealed class TreeSumBatch
{
    public const int BlockRows = 512;

    private readonly CompiledEnsemble _ensemble;
    private readonly FlatTree[] _trees;
    private readonly double[] _weights;
    private readonly PackedTree[]? _packed;

    private TreeSumBatch(CompiledEnsemble ensemble, FlatTree[] trees)
    {
        _ensemble = ensemble;
        _trees = trees;
        var packed = trees.Select(PackedTree.From).ToArray();
        _packed = packed.All(p => p is not null) ? packed.Select(p => p!).ToArray() : null;
        _weights = ensemble.Ensemble.Segments.Select(s => s.Weight).ToArray();
    }

    /// <summary>
    /// The kernel applies when the top model is a tree sum without outputs whose trees need nothing but the feature
    /// vector (no compiled predicates reading the record).
    /// </summary>
    public static TreeSumBatch? For(CompiledModel top) =>
        top is CompiledEnsemble { Trees: { } trees, Features: not null } ensemble && ensemble.Plan.Outputs.Length == 0
        && trees.All(t => t.Generic.Length == 0)
            ? new TreeSumBatch(ensemble, trees) : null;

    public FeatureMap Features => _ensemble.Features!;

    /// <summary>
    /// Scores the rows of a block whose features are loaded (row-major, <see cref="FeatureMap.Count"/> per row) and
    /// writes each row's prediction after Targets; rows marked failed are skipped. A row where some tree made no
    /// prediction is marked in <paramref name="retry"/>: the missing prediction treatment is the single-record path's.
    /// </summary>
    public void Score(ReadOnlySpan<double> features, int rows, ReadOnlySpan<bool> failed, Span<bool> retry, Span<double> sums, ModelResult result, Span<Value> predictions)
    {
        var width = Features.Count;
        var plan = _ensemble.Ensemble;
        var asFloat = plan.IsFloat && plan.Method == MultipleModelMethod.Sum;
        var weighted = plan.Method is MultipleModelMethod.WeightedSum or MultipleModelMethod.WeightedAverage;
        // The running sums follow EnsembleInterpreter.Regress: in tree order, from 0 (or from base_score in float32).
        sums[..rows].Fill(asFloat ? EnsembleInterpreter.BaseScore(plan) : 0.0);
        if (_packed is not null && !HasNaN(features[..(rows * width)]))
            SumPacked(features, rows, width, sums, asFloat, weighted);
        else
            SumTests(features, rows, width, sums, asFloat, weighted);
        var count = _trees.Length;
        var weightSum = EnsembleInterpreter.Sum(_weights);
        for (var r = 0; r < rows; r++)
        {
            // A tree without a prediction made the sum NaN: that row takes the single-record path.
            if (failed[r] || (retry[r] = double.IsNaN(sums[r])))
                continue;
            var y = plan.Method switch
            {
                MultipleModelMethod.Average => sums[r] / count,
                MultipleModelMethod.WeightedAverage => sums[r] / weightSum,
                _ => sums[r],
            };
            result.Reset();
            result.Predicted = Value.Of(y);
            ModelInterpreter.ApplyTargets(_ensemble.Plan, result);
            predictions[r] = result.Predicted;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Add(double sum, double score, double weight, bool asFloat, bool weighted) =>
        asFloat ? (float)sum + (float)score : weighted ? sum + score * weight : sum + score;

    /// <summary>A block without missing features: packed trees, eight rows in lockstep.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SumPacked(ReadOnlySpan<double> features, int rows, int width, Span<double> sums, bool asFloat, bool weighted)
    {
        var trees = _packed!;
        Span<double> eight = stackalloc double[8];
        for (var t = 0; t < trees.Length; t++)
        {
            var tree = trees[t];
            var weight = _weights[t];
            var r = 0;
            for (; r + 8 <= rows; r += 8)
            {
                tree.WalkEight(features, width, r, eight);
                for (var k = 0; k < 8; k++)
                    sums[r + k] = Add(sums[r + k], eight[k], weight, asFloat, weighted);
            }
            for (; r < rows; r++)
                sums[r] = Add(sums[r], tree.WalkOne(features.Slice(r * width, width)), weight, asFloat, weighted);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SumTests(ReadOnlySpan<double> features, int rows, int width, Span<double> sums, bool asFloat, bool weighted)
    {
        for (var t = 0; t < _trees.Length; t++)
        {
            var tree = _trees[t];
            var tests = tree.Tests;
            var outcomes = tree.OutcomeScores;
            var weight = _weights[t];
            for (var r = 0; r < rows; r++)
            {
                var x = features.Slice(r * width, width);
                var edge = tree.Start;
                while (edge >= 0)
                {
                    ref readonly var test = ref tests[edge];
                    var v = x[test.Feature];
                    edge = test.Op == TestOp.LessOrEqual
                        ? v <= test.Threshold ? test.OnTrue : v > test.Threshold ? test.OnFalse : test.OnUnknown
                        : Step(tree, test, v);
                }
                sums[r] = Add(sums[r], outcomes[~edge], weight, asFloat, weighted);
            }
        }
    }

    private static bool HasNaN(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
            if (double.IsNaN(v))
                return true;
        return false;
    }

    /// <summary>The other typed tests, as <see cref="FlatTree.Walk"/> evaluates them.</summary>
    private static int Step(FlatTree tree, in TreeTest test, double v)
    {
        var truth = test.Op switch
        {
            TestOp.Equal => v == test.Threshold ? Truth.True : double.IsNaN(v) ? Truth.Unknown : Truth.False,
            TestOp.InRange => v >= tree.Numbers[test.Aux] && v <= test.Threshold ? Truth.True : double.IsNaN(v) ? Truth.Unknown : Truth.False,
            TestOp.InSet => double.IsNaN(v) ? Truth.Unknown : tree.InSet(test, (int)v) ? Truth.True : Truth.False,
            TestOp.InValues => double.IsNaN(v) ? Truth.Unknown : tree.InValues(test, v) ? Truth.True : Truth.False,
            _ => Compiled.Features.IsMissing(v) ? Truth.True : Truth.False,
        };
        return truth == Truth.True ? test.OnTrue : truth == Truth.False ? test.OnFalse : test.OnUnknown;
    }
}
