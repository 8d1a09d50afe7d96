using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A document that is one regression tree sum over its inputs without outputs (XGBoost's, LightGBM's and sklearn's
/// boosted or averaged regression trees), scored straight from a record's input values when the MiningSchema keeps every
/// one of them as it is: the features read from the record (<see cref="KeptFeatures"/>), every tree's leaf found by the
/// branch-free walk, the scores added and the model's Targets applied as the ensemble does
/// (<see cref="CompiledEnsemble.TryPredictWalked"/>), then the target fields' types, as the general path ends. A record with a value the treatments would
/// change, an absent feature, or a leaf without a score is left to the general path.
/// </summary>
internal sealed class DirectTreeSum(CompiledEnsemble ensemble, KeptFeatures features, IBranchFreeWalk walk, DataType[] types)
{
    /// <summary>
    /// The direct path for a compiled document, or null when its top model is no such sum: trees that do not walk
    /// together without branches, features that are not inputs read as they come, or a result other than a target.
    /// </summary>
    public static DirectTreeSum? TryCreate(CompiledDocument document, IReadOnlyList<PublicField> results)
    {
        var plan = document.Plan;
        if (document.Top is not CompiledEnsemble { Trees.Length: > 0, BranchFree: { } walk, Features: { } map } top
            || top.Plan.Outputs.Length > 0
            || !DistributionResults.TryFindSources(plan, top.Plan, results, out var sources, out var types)
            || !AllTargets(sources)
            || KeptFeatures.TryCreate(plan, top.Plan, map) is not { } kept)
            return null;
        return new DirectTreeSum(top, kept, walk, types);
    }

    // A plain loop: Array.Exists over ints is generic code that is not precompiled, compiled at every load.
    private static bool AllTargets(int[] sources)
    {
        foreach (var source in sources)
        {
            if (source >= 0)
                return false;
        }
        return true;
    }

    /// <summary>The length of the feature scratch a caller passes to <see cref="TryScore"/>.</summary>
    public int FeatureCount => features.Count;

    /// <summary>The length of the outcome and penalty scratch.</summary>
    public int Trees => ensemble.Trees!.Length;

    /// <summary>
    /// Scores a record into <paramref name="results"/> (ResultNames order: the targets), with <paramref name="vector"/>,
    /// <paramref name="outcomes"/> and <paramref name="penalties"/> as scratch and the ensemble's result in the workspace;
    /// false, with no result written, when the record needs the general path.
    /// </summary>
    public bool TryScore(InputRecord record, Workspace workspace, double[] vector, int[] outcomes, int[] penalties, Value[] results)
    {
        if (!features.TryLoad(record, vector) || !walk.TryWalk(vector, outcomes, penalties))
            return false;
        var result = workspace.Results[ensemble.Id];
        result.Reset();
        if (!ensemble.TryPredictWalked(outcomes, result))
            return false;
        for (var r = 0; r < results.Length; r++)
            results[r] = ValueParser.Convert(result.Predicted, types[r]);
        return true;
    }
}
