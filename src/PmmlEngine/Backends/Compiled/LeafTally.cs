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
    // Marks a leaf without a probability distribution (it still counts towards the weights).
    private static readonly double[] NoDistribution = [];

    private readonly EnsemblePlan _plan;
    private readonly CompiledSegment[] _segments;
    private readonly double[]?[][] _distributions;
    // By tree and outcome: the category voted for + 2 (0: not worked out yet; 1: a category the target lacks).
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
    /// Adds tree <paramref name="tree"/>'s leaf <paramref name="outcome"/> (whose result predicts a value) to the
    /// totals and returns the weight it adds to the divisor: votes for a category the target lacks add nothing.
    /// </summary>
    public double Add(int tree, int outcome, ModelResult leaf, double[] totals)
    {
        var weight = _weighted ? _segments[tree].Plan.Weight : 1.0;
        if (_vote)
        {
            var vote = _votes[tree][outcome];
            if (vote == 0)
                _votes[tree][outcome] = vote = _plan.Target.IndexOf(leaf.Predicted) + 2;
            if (vote == 1)
                return 0;
            totals[vote - 2] += weight;
            return weight;
        }
        var distribution = _distributions[tree][outcome];
        if (distribution is null)
        {
            // Racing threads compute equal arrays; whichever is stored last is as good as the first.
            distribution = EnsembleInterpreter.Align(_segments[tree].Plan, leaf.Probabilities, new double[totals.Length]) ?? NoDistribution;
            Volatile.Write(ref _distributions[tree][outcome], distribution);
        }
        if (!ReferenceEquals(distribution, NoDistribution))
            for (var i = 0; i < totals.Length; i++)
                totals[i] += weight * distribution[i];
        return weight;
    }
}
