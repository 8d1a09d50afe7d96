using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Model;
using PmmlEngine.Planning;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// Classification by a forest whose trees walk together and share their leaf results (averaged probabilities or
/// votes): each leaf's share of the vote — its distribution in the ensemble's category order, or the category it
/// votes for — is worked out at load and kept, so a record adds arrays instead of aligning every tree's result again.
/// The additions are <c>EnsembleInterpreter.Classify</c>'s, in the same order, so results are the same to the bit.
/// </summary>
internal sealed class LeafTally
{
    // Mark a leaf without a probability distribution (it still counts towards the weights) and one that predicts no value.
    private static readonly double[] NoDistribution = [];
    private static readonly double[] NoValue = [];

    // Votes by tree and outcome: the category voted for + FirstCategory, or one of these marks.
    private const int NoPrediction = 0;
    private const int Elsewhere = 1; // a category the target lacks
    private const int FirstCategory = 2;

    private readonly EnsemblePlan _plan;
    private readonly CompiledSegment[] _segments;
    private readonly double[][][] _distributions;
    private readonly int[][] _votes;
    private readonly bool _vote;
    private readonly bool _weighted;

    private LeafTally(EnsemblePlan plan, CompiledSegment[] segments, FlatTree[] trees)
    {
        _plan = plan;
        _segments = segments;
        _vote = plan.Method is MultipleModelMethod.MajorityVote or MultipleModelMethod.WeightedMajorityVote;
        // A voting forest keeps votes, any other distributions.
        _distributions = _vote ? [] : trees.Select(t => new double[t.Outcomes.Length][]).ToArray();
        _votes = _vote ? trees.Select(t => new int[t.Outcomes.Length]).ToArray() : [];
        _weighted = plan.Method is MultipleModelMethod.WeightedMajorityVote or MultipleModelMethod.WeightedAverage;
        WorkOutShares(trees);
    }

    /// <summary>
    /// Works out every leaf's share at load (a leaf's result depends on nothing of the record): a few milliseconds for a
    /// forest of thousands of leaves, which the first records would otherwise pay for.
    /// </summary>
    private void WorkOutShares(FlatTree[] trees)
    {
        var categories = _plan.Target.Categories.Length;
        for (var t = 0; t < trees.Length; t++)
        {
            var tree = (CompiledTree)_segments[t].Model;
            // One result reused for every leaf: the kept shares are copies, and records never read these results.
            var leaf = new ModelResult(tree.Plan.Target);
            for (var o = 0; o < trees[t].Outcomes.Length; o++)
            {
                tree.ScoreOutcome(o, leaf);
                if (_vote)
                    _votes[t][o] = leaf.Predicted.IsMissing ? NoPrediction : _plan.Target.IndexOf(leaf.Predicted) + FirstCategory;
                else
                    _distributions[t][o] = leaf.Predicted.IsMissing ? NoValue
                        : EnsembleInterpreter.Align(_segments[t].Plan, leaf.Probabilities, new double[categories]) ?? NoDistribution;
            }
        }
    }

    /// <summary>The tally for a classification ensemble of walked trees with shared results that averages or votes; else null.</summary>
    public static LeafTally? For(EnsemblePlan plan, CompiledSegment[] segments, FlatTree[]? lanes, bool sharedOutcomes) =>
        lanes is not null && sharedOutcomes && plan.Function == MiningFunction.Classification
        && plan.Method is MultipleModelMethod.Average or MultipleModelMethod.WeightedAverage
            or MultipleModelMethod.MajorityVote or MultipleModelMethod.WeightedMajorityVote
            ? new LeafTally(plan, segments, lanes) : null;

    /// <summary>
    /// Adds tree <paramref name="tree"/>'s leaf <paramref name="outcome"/> to the totals and its weight to
    /// <paramref name="divisor"/> (votes for a category the target lacks add nothing); false when the leaf predicts no
    /// value. A record touches one kept array per tree.
    /// </summary>
    public bool TryAdd(int tree, int outcome, Span<double> totals, ref double divisor)
    {
        var weight = _weighted ? _segments[tree].Plan.Weight : 1.0;
        if (_vote)
        {
            var vote = _votes[tree][outcome];
            if (vote == NoPrediction)
                return false;
            if (vote != Elsewhere)
            {
                totals[vote - FirstCategory] += weight;
                divisor += weight;
            }
            return true;
        }
        var distribution = _distributions[tree][outcome];
        if (ReferenceEquals(distribution, NoValue))
            return false;
        if (!ReferenceEquals(distribution, NoDistribution))
            for (var i = 0; i < totals.Length; i++)
                totals[i] += weight * distribution[i];
        divisor += weight;
        return true;
    }
}
