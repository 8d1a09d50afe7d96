using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A document that is a classifier's model chain over its inputs — tree sums, then a regression over their predictions
/// (sklearn2pmml's gradient boosting, LightGBM's and XGBoost's classifiers) — scored straight from a record's input
/// values when the MiningSchema keeps every one of them as it is: each link's features read from the record
/// (<see cref="KeptFeatures"/>), its trees' leaves found by the branch-free walk and its scores added as the ensemble adds
/// them, then the chain finished from the links' predictions as the batch finishes it (<see cref="ChainTail"/>), into the
/// workspace's slots, from which the results are read. A record with a value the treatments would change, an absent
/// feature, a leaf without a score, or a prediction the regression rejects is left to the general path.
/// </summary>
internal sealed class DirectChain(ChainTail tail, KeptFeatures[] features, IBranchFreeWalk[] walks)
{
    /// <summary>
    /// The direct path for a compiled document, or null when its top model is no such chain (<see cref="ChainTail.TryCreate"/>),
    /// or a link whose trees do not walk together without branches or whose features are not inputs read as they come.
    /// </summary>
    public static DirectChain? TryCreate(CompiledDocument document, IReadOnlyList<PublicField> results)
    {
        if (document.Top is not CompiledEnsemble top || top.Chained.ToArray() is not [.. var first, _])
            return null;
        // The segments before the regression: the tail checks that each is an ensemble, and the loop below a tree sum.
        var links = first.OfType<CompiledEnsemble>().ToArray();
        if (links.Length == 0 || ChainTail.TryCreate(document.Plan, top, links, results) is not { } tail)
            return null;
        var features = new KeptFeatures[links.Length];
        var walks = new IBranchFreeWalk[links.Length];
        for (var k = 0; k < links.Length; k++)
        {
            if (links[k] is not { Trees.Length: > 0, BranchFree: { } walk, Features: { } map }
                || KeptFeatures.TryCreate(document.Plan, top.Plan, map) is not { } kept)
                return null;
            features[k] = kept;
            walks[k] = walk;
        }
        return new DirectChain(tail, features, walks);
    }

    /// <summary>The length of the feature scratch a caller passes to <see cref="TryScore"/>: the most any link reads.</summary>
    public int FeatureCount { get; } = Most(features, f => f.Count);

    /// <summary>The length of the outcome and penalty scratch: the most trees of any link.</summary>
    public int Trees { get; } = Most(tail.Links, l => l.Trees!.Length);

    // A plain loop: LINQ's Max to an int is generic code that is not precompiled, compiled at every load.
    private static int Most<T>(T[] items, Func<T, int> size) where T : class
    {
        var most = 0;
        foreach (var item in items)
            most = Math.Max(most, size(item));
        return most;
    }

    /// <summary>
    /// Scores a record into the workspace's slots and gives the chain's prediction for its targets, with
    /// <paramref name="vector"/>, <paramref name="outcomes"/> and <paramref name="penalties"/> as scratch; false when the
    /// record needs the general path, which then scores it in full.
    /// </summary>
    public bool TryScore(InputRecord record, Workspace workspace, double[] vector, int[] outcomes, int[] penalties, out Value predicted)
    {
        predicted = Value.Missing;
        // Every link reads the chain's inputs through the same MiningSchema: the record is checked once.
        if (!features[0].Keeps(record))
            return false;
        workspace.Row.Reset();
        var links = tail.Links;
        for (var k = 0; k < links.Length; k++)
        {
            features[k].Load(record, vector);
            if (!walks[k].TryWalk(vector, outcomes, penalties))
                return false;
            var result = workspace.Results[links[k].Id];
            result.Reset();
            if (!links[k].TryPredictWalked(outcomes, result))
                return false;
            tail.WriteLink(workspace, k);
        }
        return tail.TryFinish(workspace, out predicted);
    }
}
