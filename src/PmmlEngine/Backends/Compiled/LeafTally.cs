using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Model;
using PmmlEngine.Planning;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// Classification by a forest whose trees walk together and share their leaf results (averaged probabilities or
/// votes): each leaf's share of the vote — its distribution in the ensemble's category order, or the category it
/// votes for — is worked out on its first use and kept, so a record adds arrays instead of aligning every tree's
/// result again. The additions are <c>EnsembleInterpreter.Classify</c>'s, in the same order, so results are
/// the same to the bit.
/// </summary>
internal sealed class LeafTally
{
    // Mark a leaf without a probability distribution (it still counts towards the weights) and one that predicts no value.
    private static readonly double[] NoDistribution = [];
    private static readonly double[] NoValue = [];

    // Votes by tree and outcome: the category voted for + FirstCategory, or one of these marks.
    private const int Unknown = 0;
    private const int NoPrediction = 1;
    private const int Elsewhere = 2; // a category the target lacks
    private const int FirstCategory = 3;

    private readonly EnsemblePlan _plan;
    private readonly CompiledSegment[] _segments;
    private readonly double[]?[][] _distributions;
    private readonly int[][] _votes;
    private readonly bool _vote;
    private readonly bool _weighted;

    private LeafTally(EnsemblePlan plan, CompiledSegment[] segments, FlatTree[] trees)
    {
        _plan = plan;
        _segments = segments;
        _distributions = trees.Select(t => new double[]?[t.Outcomes.Length]).ToArray();
        _votes = trees.Select(t => new int[t.Outcomes.Length]).ToArray();
        _vote = plan.Method is MultipleModelMethod.MajorityVote or MultipleModelMethod.WeightedMajorityVote;
        _weighted = plan.Method is MultipleModelMethod.WeightedMajorityVote or MultipleModelMethod.WeightedAverage;
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
    /// value. A leaf's share is looked up before its result, so a record touches one array per tree.
    /// </summary>
    public bool TryAdd(int tree, int outcome, double[] totals, ref double divisor)
    {
        var weight = _weighted ? _segments[tree].Plan.Weight : 1.0;
        if (_vote)
        {
            var vote = _votes[tree][outcome];
            if (vote == Unknown)
                _votes[tree][outcome] = vote = VoteOf(tree, outcome);
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
        if (distribution is null)
        {
            // Racing threads compute equal arrays; whichever is stored last is as good as the first.
            distribution = DistributionOf(tree, outcome, totals.Length);
            Volatile.Write(ref _distributions[tree][outcome], distribution);
        }
        if (ReferenceEquals(distribution, NoValue))
            return false;
        if (!ReferenceEquals(distribution, NoDistribution))
            for (var i = 0; i < totals.Length; i++)
                totals[i] += weight * distribution[i];
        divisor += weight;
        return true;
    }

    private ModelResult Leaf(int tree, int outcome) => ((CompiledTree)_segments[tree].Model).OutcomeResult(outcome);

    private int VoteOf(int tree, int outcome)
    {
        var leaf = Leaf(tree, outcome);
        return leaf.Predicted.IsMissing ? NoPrediction : _plan.Target.IndexOf(leaf.Predicted) + FirstCategory;
    }

    private double[] DistributionOf(int tree, int outcome, int categories)
    {
        var leaf = Leaf(tree, outcome);
        if (leaf.Predicted.IsMissing)
            return NoValue;
        return EnsembleInterpreter.Align(_segments[tree].Plan, leaf.Probabilities, new double[categories]) ?? NoDistribution;
    }
}
