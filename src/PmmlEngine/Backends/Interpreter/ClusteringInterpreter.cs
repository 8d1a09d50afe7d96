using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// PMML 4.4 center-based ClusteringModel. Each field is compared with the center's coordinate (absDiff |x−y|, gaussSim
/// exp(−ln2·(x−y)²/s²), delta, equal, table) and the measure aggregates the comparisons with the field weights:
/// euclidean √Σw·c², squaredEuclidean Σw·c², cityBlock Σw·c, chebychev max w·c, minkowski (Σw·cᵖ)^(1/p); the binary
/// similarities count matches (a11, a10, a01, a00) of 0/1 values. A missing field is left out and the aggregate is
/// scaled by Σq / Σq·present (q = MissingValueWeights) before any root. The closest cluster wins (smallest distance,
/// largest similarity, the first of equals); when every field is missing there is no prediction.
/// </summary>
internal static class ClusteringInterpreter
{
    public static ModelResult Evaluate(ClusteringPlan plan, RowContext row)
    {
        var result = new ModelResult(plan.Target);
        Score(plan, row, result, new double[plan.Clusters.Length]);
        return result;
    }

    internal static void Score(ClusteringPlan plan, RowContext row, ModelResult result, double[] affinities)
    {
        double all = 0, present = 0;
        for (var i = 0; i < plan.Fields.Length; i++)
        {
            all += plan.MissingWeights[i];
            if (!row.Get(plan.Fields[i].Slot).IsMissing)
                present += plan.MissingWeights[i];
        }
        if (present == 0)
            return;
        var adjustment = all / present;
        var best = -1;
        for (var c = 0; c < plan.Clusters.Length; c++)
        {
            var affinity = affinities[c] = Affinity(plan, plan.Clusters[c], row, adjustment);
            if (!double.IsNaN(affinity) && (best < 0 || (plan.LowerIsCloser ? affinity < affinities[best] : affinity > affinities[best])))
                best = c;
        }
        result.Affinities = affinities;
        result.EntityIds = plan.Ids;
        result.LowerIsCloser = plan.LowerIsCloser;
        if (best < 0)
            return;
        var winner = plan.Clusters[best];
        result.EntityIndex = best;
        result.Predicted = Value.Of(winner.Id);
        result.EntityId = winner.Id;
        result.DisplayValue = winner.DisplayName;
    }

    private static double Affinity(ClusteringPlan plan, ClusterPlan cluster, RowContext row, double adjustment)
    {
        var measure = plan.Measure;
        if (ComparisonMath.IsBinary(measure.Measure))
            return Binary(plan, cluster, row);
        var p = ComparisonMath.Power(measure);
        var inner = 0.0;
        for (var i = 0; i < plan.Fields.Length; i++)
        {
            var field = plan.Fields[i];
            var x = row.Get(field.Slot);
            if (!x.IsMissing)
                inner = ComparisonMath.Combine(measure.Measure, inner, ComparisonMath.Term(field.Weight, Compare(field, x, cluster.Center[i], cluster.Numbers[i]), p));
        }
        return ComparisonMath.Finish(measure.Measure, p, inner, adjustment);
    }

    private static double Compare(ClusterFieldPlan field, Value x, Value center, double y)
    {
        switch (field.Compare)
        {
            case CompareFunction.Delta:
                return Same(x, center, y) ? 0.0 : 1.0;
            case CompareFunction.Equal:
                return Same(x, center, y) ? 1.0 : 0.0;
            case CompareFunction.Table:
                var row = Array.IndexOf(field.TableValues!, x);
                var column = Array.IndexOf(field.TableValues!, center);
                return row < 0 || column < 0 ? double.NaN : field.Table![row][column];
        }
        return ComparisonMath.Numeric(field.Compare, x.TryGetNumber(out var number) ? number : double.NaN, y, field.Scale);
    }

    private static bool Same(Value x, Value center, double y) =>
        x.TryGetNumber(out var number) && !double.IsNaN(y) ? number == y : x.Equals(center);

    private static double Binary(ClusteringPlan plan, ClusterPlan cluster, RowContext row)
    {
        var counts = new BinaryCounts();
        for (var i = 0; i < plan.Fields.Length; i++)
            if (row.Get(plan.Fields[i].Slot).TryGetNumber(out var x))
                counts.Add(x != 0, cluster.Numbers[i] != 0);
        return counts.Similarity(plan.Measure);
    }
}
