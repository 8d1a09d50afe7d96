using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

internal sealed class ClusteringPlanner(ModelPlanner models)
{
    private PlanningContext Context => models.Context;

    public ClusteringPlan Plan(ClusteringModel model, Scope scope, int[] active)
    {
        // PMML 4.4 defines no scoring over a distribution-based model's Partition statistics, but says its clusters'
        // center vectors approximate them: with centers it is scored like a center-based model, without them refused.
        if (model.ModelClass == ClusteringModelClass.DistributionBased && model.Clusters.Any(c => c.Center.Length == 0))
            Context.Error(MarkupProblemKind.UnsupportedAttribute,
                "a distributionBased ClusteringModel needs a center vector (Array) in every Cluster: PMML 4.4 defines no scoring over Partition statistics", model.Location);
        var centerFields = model.Fields.Where(f => f.IsCenterField).ToArray();
        var fields = centerFields.Select(f => PlanField(model, f, scope)).ToArray();
        var weights = model.MissingValueWeights.IsDefaultOrEmpty ? Enumerable.Repeat(1.0, fields.Length).ToArray() : model.MissingValueWeights.ToArray();
        if (weights.Length != fields.Length)
            Context.Error(MarkupProblemKind.InvalidElement, $"MissingValueWeights has {weights.Length} weights for {fields.Length} clustering fields", model.Location);
        if (model.Measure.Measure is Measure.SimpleMatching or Measure.Jaccard or Measure.Tanimoto or Measure.BinarySimilarity
            && model.Measure.Kind != ComparisonKind.Similarity)
            Context.Error(MarkupProblemKind.InvalidAttribute, $"{model.Measure.Measure} is a similarity measure; ComparisonMeasure needs kind='similarity'", model.Measure.Location);

        var clusters = new ClusterPlan[model.Clusters.Length];
        for (var c = 0; c < clusters.Length; c++)
        {
            var cluster = model.Clusters[c];
            if (cluster.Center.Length != fields.Length)
                Context.Error(MarkupProblemKind.InvalidElement, $"Cluster has {cluster.Center.Length} coordinates for {fields.Length} clustering fields", cluster.Location);
            var center = new Value[fields.Length];
            var numbers = new double[fields.Length];
            for (var i = 0; i < Math.Min(fields.Length, cluster.Center.Length); i++)
            {
                center[i] = Context.Parse(cluster.Center[i], fields[i].Slot < 0 ? DataType.Double : Context.TypeOf(fields[i].Slot), cluster.Location);
                numbers[i] = center[i].TryGetNumber(out var x) ? x : double.NaN;
            }
            // PMML 4.4: a cluster without an id is identified by its 1-based position.
            var id = cluster.Id ?? (c + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            clusters[c] = new ClusterPlan(id, cluster.Name ?? id, center, numbers);
        }
        if (clusters.Select(c => c.Id).Distinct().Count() != clusters.Length)
            Context.Error(MarkupProblemKind.InvalidElement, "Cluster ids must be unique", model.Location);

        return new ClusteringPlan
        {
            Element = model,
            Target = new TargetPlan(null, DataType.String, OpType.Categorical, [], null),
            ActiveSlots = active,
            Measure = model.Measure,
            Fields = fields,
            Clusters = clusters,
            MissingWeights = weights,
            Ids = clusters.Select(c => c.Id).ToArray(),
        };
    }

    private ClusterFieldPlan PlanField(ClusteringModel model, ClusteringField field, Scope scope)
    {
        var slot = Context.Resolve(scope, field.Field, field.Location, "ClusteringField");
        var compare = field.CompareFunction ?? model.Measure.CompareFunction;
        if (compare == CompareFunction.GaussSim && field.SimilarityScale is null)
            Context.Error(MarkupProblemKind.MissingAttribute, $"ClusteringField '{field.Field}' uses gaussSim and needs attribute 'similarityScale'", field.Location);
        if (compare != CompareFunction.Table)
            return new ClusterFieldPlan(slot, field.Weight, compare, field.SimilarityScale ?? 1.0, null, null);

        // The table's rows and columns follow the field's valid values in DataDictionary order.
        var domain = slot < 0 ? null : Context.Slots[slot] switch
        {
            PreparedSlot prepared => prepared.Domain,
            InputSlot input => input.Domain,
            _ => null,
        };
        var values = domain?.ValidValues ?? [];
        var table = field.Comparisons.Select(r => r.ToArray()).ToArray();
        if (table.Length == 0 || values.Count == 0 || table.Length != values.Count || table.Any(r => r.Length != values.Count))
            Context.Error(MarkupProblemKind.InvalidElement,
                $"ClusteringField '{field.Field}' uses compareFunction='table' and needs a Comparisons matrix of {values.Count}×{values.Count} (one row and column per valid value)", field.Location);
        return new ClusterFieldPlan(slot, field.Weight, compare, 1.0, table, values.ToArray());
    }
}
