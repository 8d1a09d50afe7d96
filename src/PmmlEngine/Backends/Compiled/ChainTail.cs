using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// The end of a record's path through a model chain as converters write classifiers (sklearn2pmml's gradient boosting,
/// LightGBM's, XGBoost's): tree sums whose only outputs are their predictions, then a regression that reads those outputs
/// and nothing else. Once a record's sums are known (from the batch kernels, or the row scorers' direct path
/// <see cref="DirectChain"/>), each link's prediction and outputs follow from its sum, and the regression scores from
/// those outputs, with the record path's own steps: what is skipped is setting the record's inputs, checking them and
/// the chain's dispatch, which took half of GradientBoostingAudit's batch. Only for a record read without a rejection:
/// its inputs kept as they are, or set and checked to read the links' features.
/// </summary>
internal sealed class ChainTail
{
    private readonly CompiledEnsemble[] _links;
    private readonly CompiledRegression _last;

    private ChainTail(CompiledEnsemble[] links, CompiledRegression last)
    {
        _links = links;
        _last = last;
    }

    /// <summary>
    /// The tail of a top-level chain whose segments are the tree sums <paramref name="links"/> and then a regression,
    /// all always selected, or null. A classification: its Targets act only on a missing prediction, which the tail
    /// leaves to the record path, so they need not be applied. Every result must be read from a slot the tail writes (a
    /// target, an output of the links or of the regression), and every output must come from its model's result alone.
    /// </summary>
    public static ChainTail? TryCreate(DocumentPlan plan, CompiledModel top, CompiledEnsemble[] links, IReadOnlyList<PublicField> results)
    {
        if (top is not CompiledEnsemble { Ensemble: { Method: MultipleModelMethod.ModelChain, Function: MiningFunction.Classification, Outputs.Length: 0 } chain } ensemble
            || chain.Segments.Any(s => s.Predicate is not ConstantPredicatePlan { Value: true }))
            return null;
        var models = ensemble.Chained.ToArray();
        if (models.Length != links.Length + 1 || models[^1] is not CompiledRegression { Plan: RegressionPlan regression } last)
            return null;
        var linkOutputs = new HashSet<int>();
        for (var k = 0; k < links.Length; k++)
        {
            if (!ReferenceEquals(models[k], links[k]) || !models[k].Plan.Outputs.All(o => o.ReadsResultOnly && o.Field.Feature == ResultFeature.PredictedValue))
                return null;
            linkOutputs.UnionWith(models[k].Plan.Outputs.Select(o => o.Slot));
        }
        // The regression reads its MiningSchema's fields, each a link's output as it is or as its MiningField treats it.
        var active = regression.ActiveSlots.ToHashSet();
        if (!regression.ActiveSlots.All(s => linkOutputs.Contains(s) || plan.Slots[s] is PreparedSlot p && linkOutputs.Contains(p.Source))
            || !regression.Tables.All(t => t.Numeric.All(p => active.Contains(p.Slot)) && t.Categorical.All(p => active.Contains(p.Slot))
                && t.Interactions.All(p => p.Slots.All(active.Contains)))
            || !regression.Outputs.All(o => o.ReadsResultOnly))
            return null;
        var written = linkOutputs.Concat(regression.Outputs.Select(o => o.Slot)).Concat(plan.Targets.Select(t => t.Slots[0])).ToHashSet();
        return results.All(f => f.Slots.All(written.Contains)) ? new ChainTail(links, last) : null;
    }

    /// <summary>
    /// Scores row <paramref name="r"/> of a block from its links' sums into the workspace's slots, the record's inputs
    /// left unset, and gives the chain's prediction for its targets. False when the record path must score the row: a
    /// link without a sum (a tree that predicted nothing), a link's output the regression rejects, or no prediction, to
    /// which the chain's Targets may apply priors.
    /// </summary>
    public bool TryScore(Workspace workspace, double[][] sums, int r, out Value predicted)
    {
        predicted = Value.Missing;
        workspace.Row.Reset();
        for (var k = 0; k < _links.Length; k++)
        {
            var sum = sums[k][r];
            if (double.IsNaN(sum))
                return false;
            var result = workspace.Results[_links[k].Id];
            result.Reset();
            _links[k].PredictFromSum(sum, result);
            WriteLink(workspace, k);
        }
        return TryFinish(workspace, out predicted);
    }

    /// <summary>The tree sums, in chain order.</summary>
    public CompiledEnsemble[] Links => _links;

    /// <summary>Writes link <paramref name="k"/>'s outputs from its result in the workspace, as its model's Finish writes them.</summary>
    public void WriteLink(Workspace workspace, int k) => OutputInterpreter.Write(_links[k].Plan, workspace.Results[_links[k].Id], workspace.Row);

    /// <summary>
    /// The regression's prediction from the links' outputs in the workspace's slots; false where the record path must
    /// score the record (see <see cref="TryScore"/>).
    /// </summary>
    public bool TryFinish(Workspace workspace, out Value predicted)
    {
        try
        {
            predicted = _last.Evaluate(workspace).Predicted;
        }
        catch (PmmlEvaluationException)
        {
            // A MiningField of the regression rejected a link's output: the record path fails the record, saying where.
            predicted = Value.Missing;
            return false;
        }
        return !predicted.IsMissing;
    }
}
