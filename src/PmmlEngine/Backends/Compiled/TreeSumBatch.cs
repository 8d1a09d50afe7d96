using System.Runtime.CompilerServices;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// Batch scoring of a top-level tree sum (gradient boosting: the ensemble adds its trees' leaf scores): a block of rows
/// is prepared into a feature matrix, then each tree is walked for every row of the block while its tests are in cache,
/// then each row's scores are combined with the same arithmetic as single-record scoring.
/// </summary>
internal sealed class TreeSumBatch
{
    public const int BlockRows = 128;

    private readonly CompiledEnsemble _ensemble;
    private readonly FlatTree[] _trees;
    private readonly double[] _weights;

    private TreeSumBatch(CompiledEnsemble ensemble, FlatTree[] trees)
    {
        _ensemble = ensemble;
        _trees = trees;
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

    public int TreeCount => _trees.Length;

    /// <summary>
    /// Scores the rows of a block whose features are loaded (row-major, <see cref="FeatureMap.Count"/> per row) and
    /// writes each row's prediction after Targets; rows marked failed are skipped. A row where some tree made no
    /// prediction is marked in <paramref name="retry"/>: the missing prediction treatment is the single-record path's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Score(ReadOnlySpan<double> features, int rows, ReadOnlySpan<bool> failed, Span<bool> retry, Span<double> scores, ModelResult result, Span<Value> predictions)
    {
        var width = Features.Count;
        var treeCount = _trees.Length;
        for (var t = 0; t < treeCount; t++)
        {
            var tree = _trees[t];
            var tests = tree.Tests;
            var outcomes = tree.OutcomeScores;
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
                scores[r * treeCount + t] = outcomes[~edge];
            }
        }
        for (var r = 0; r < rows; r++)
        {
            var row = scores.Slice(r * treeCount, treeCount);
            if (failed[r] || (retry[r] = HasNaN(row)))
                continue;
            result.Reset();
            result.Predicted = Value.Of(EnsembleInterpreter.Regress(_ensemble.Ensemble, row, _weights));
            ModelInterpreter.ApplyTargets(_ensemble.Plan, result);
            predictions[r] = result.Predicted;
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
            TestOp.InRange => v >= test.Low && v <= test.Threshold ? Truth.True : double.IsNaN(v) ? Truth.Unknown : Truth.False,
            TestOp.InSet => double.IsNaN(v) ? Truth.Unknown : tree.InSet(test, (int)v) ? Truth.True : Truth.False,
            _ => Compiled.Features.IsMissing(v) ? Truth.True : Truth.False,
        };
        return truth == Truth.True ? test.OnTrue : truth == Truth.False ? test.OnFalse : test.OnUnknown;
    }
}
