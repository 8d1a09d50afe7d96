using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A document that is one classification forest averaging its trees' probabilities or counting their votes over its
/// inputs (sklearn's random forests), scored straight from a record's input values when the MiningSchema keeps every one
/// of them as it is: the features read from the record (<see cref="KeptFeatures"/>), every tree's leaf found by the
/// branch-free walk, the leaves' shares added as the ensemble's tally adds them, and the results read from that
/// distribution (<see cref="DistributionResults"/>). The general path's slot buffer, treatments, result objects and
/// outputs were as much of RandomForestAudit's record as its trees. A record with a value the treatments would change,
/// an absent feature, or a leaf that predicts nothing is left to the general path.
/// </summary>
internal sealed class DirectForest(KeptFeatures features, IBranchFreeWalk walk, LeafTally tally, int trees, int categories, DistributionResults results)
{
    /// <summary>
    /// The direct path for a compiled document, or null when its top model is no such forest: trees that do not walk
    /// together without branches, features that are not inputs read as they come, or a result other than the target or
    /// a plain probability.
    /// </summary>
    public static DirectForest? TryCreate(CompiledDocument document, IReadOnlyList<PublicField> results)
    {
        var plan = document.Plan;
        if (document.Top is not CompiledEnsemble { LeafTally: { } tally, BranchFree: { } walk, Lanes: { Length: > 0 } trees, Features: { } map } top
            || !DistributionResults.TryFindSources(plan, top.Plan, results, out var sources, out var types)
            || DistributionResults.TryCreate(top.Plan, sources, types) is not { } fromDistribution
            || KeptFeatures.TryCreate(plan, top.Plan, map) is not { } kept)
            return null;
        return new DirectForest(kept, walk, tally, trees.Length, top.Plan.Target.Categories.Length, fromDistribution);
    }

    /// <summary>The length of the feature scratch a caller passes to <see cref="TryMostProbable"/>.</summary>
    public int FeatureCount => features.Count;

    /// <summary>The length of the outcome and penalty scratch.</summary>
    public int Trees => trees;

    /// <summary>The length of the distribution a caller passes.</summary>
    public int Categories => categories;

    public DistributionResults Results => results;

    /// <summary>
    /// Scores a record, with <paramref name="vector"/> (of <see cref="FeatureCount"/>) for its features, to its
    /// distribution (written to <paramref name="distribution"/>) and returns its first most probable category, from
    /// which <see cref="Results"/> reads each result; -1 when the record needs the general path, which then scores it in
    /// full. The distribution is the ensemble's tally to the bit: the same shares, added tree by tree in document order,
    /// divided by the same divisor.
    /// </summary>
    public int TryMostProbable(InputRecord record, double[] vector, int[] outcomes, int[] penalties, double[] distribution)
    {
        if (!features.TryLoad(record, vector) || !walk.TryWalk(vector, outcomes, penalties))
            return -1;
        Array.Clear(distribution);
        var divisor = 0.0;
        for (var t = 0; t < outcomes.Length; t++)
        {
            if (!tally.TryAdd(t, outcomes[t], distribution, ref divisor))
                return -1;
        }
        for (var i = 0; i < distribution.Length; i++)
            distribution[i] /= divisor;
        return ModelResult.MostProbable(distribution);
    }
}
