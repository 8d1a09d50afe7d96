using System.Runtime.CompilerServices;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Model;
using PmmlEngine.Planning;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// Classification by a forest whose trees walk together and share their leaf results (averaged probabilities or
/// votes): each leaf's share of the vote — its distribution in the ensemble's category order times its tree's weight, or
/// the weight on the category it votes for — is worked out at load and kept, so a record adds arrays instead of aligning
/// every tree's result again. The additions are <c>EnsembleInterpreter.Classify</c>'s, in the same order, so results are
/// the same to the bit: a product taken at load is the product a record would take, and where a leaf adds nothing to a
/// total its share is −0.0, which leaves every sum as it is (x + −0.0 is x for every x, zeros of either sign included).
/// </summary>
internal sealed class LeafTally
{
    private readonly EnsemblePlan _plan;
    private readonly CompiledSegment[] _segments;
    // Per tree, each outcome's share: a run of one total per category.
    private readonly double[][] _shares;
    // Per tree, what each outcome adds to the divisor; NaN for a leaf that predicts no value.
    private readonly double[][] _weights;
    private readonly bool _vote;
    private readonly bool _weighted;

    private LeafTally(EnsemblePlan plan, CompiledSegment[] segments, FlatTree[] trees)
    {
        _plan = plan;
        _segments = segments;
        _vote = plan.Method is MultipleModelMethod.MajorityVote or MultipleModelMethod.WeightedMajorityVote;
        _weighted = plan.Method is MultipleModelMethod.WeightedMajorityVote or MultipleModelMethod.WeightedAverage;
        var categories = plan.Target.Categories.Length;
        _shares = trees.Select(t => new double[t.Outcomes.Length * categories]).ToArray();
        _weights = trees.Select(t => new double[t.Outcomes.Length]).ToArray();
        WorkOutShares(trees);
    }

    /// <summary>
    /// Works out every leaf's share at load (a leaf's result depends on nothing of the record): a few milliseconds for a
    /// forest of thousands of leaves, which the first records would otherwise pay for.
    /// </summary>
    private void WorkOutShares(FlatTree[] trees)
    {
        var categories = _plan.Target.Categories.Length;
        var aligned = new double[categories];
        for (var t = 0; t < trees.Length; t++)
        {
            var tree = (CompiledTree)_segments[t].Model;
            var weight = _weighted ? _segments[t].Plan.Weight : 1.0;
            _shares[t].AsSpan().Fill(-0.0);
            // One result reused for every leaf: the kept shares are copies, and records never read these results.
            var leaf = new ModelResult(tree.Plan.Target);
            for (var o = 0; o < trees[t].Outcomes.Length; o++)
            {
                tree.ScoreOutcome(o, leaf);
                var share = _shares[t].AsSpan(o * categories, categories);
                if (leaf.Predicted.IsMissing)
                {
                    _weights[t][o] = double.NaN;
                    continue;
                }
                _weights[t][o] = weight;
                if (_vote)
                {
                    // A vote for a category the target lacks adds nothing, not even its weight.
                    if (_plan.Target.IndexOf(leaf.Predicted) is var k and >= 0)
                        share[k] = weight;
                    else
                        _weights[t][o] = -0.0;
                }
                // A leaf without a distribution adds its weight only.
                else if (EnsembleInterpreter.Align(_segments[t].Plan, leaf.Probabilities, aligned) is { } distribution)
                {
                    for (var i = 0; i < categories; i++)
                        share[i] = weight * distribution[i];
                }
            }
        }
    }

    /// <summary>
    /// The tally for a classification ensemble of walked trees with shared results that averages or votes; else null,
    /// and where a weight is NaN (no export writes one), which would read as a leaf without a prediction.
    /// </summary>
    public static LeafTally? For(EnsemblePlan plan, CompiledSegment[] segments, FlatTree[]? lanes, bool sharedOutcomes) =>
        lanes is not null && sharedOutcomes && plan.Function == MiningFunction.Classification
        && plan.Method is MultipleModelMethod.Average or MultipleModelMethod.WeightedAverage
            or MultipleModelMethod.MajorityVote or MultipleModelMethod.WeightedMajorityVote
        && !segments.Any(s => double.IsNaN(s.Plan.Weight))
            ? new LeafTally(plan, segments, lanes) : null;

    /// <summary>
    /// Adds tree <paramref name="tree"/>'s leaf <paramref name="outcome"/> to the totals and its weight to
    /// <paramref name="divisor"/>; false when the leaf predicts no value. A record reads one run of one kept array per tree.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAdd(int tree, int outcome, Span<double> totals, ref double divisor)
    {
        var weight = _weights[tree][outcome];
        if (double.IsNaN(weight))
            return false;
        divisor += weight;
        var share = _shares[tree].AsSpan(outcome * totals.Length, totals.Length);
        for (var i = 0; i < totals.Length; i++)
            totals[i] += share[i];
        return true;
    }
}
