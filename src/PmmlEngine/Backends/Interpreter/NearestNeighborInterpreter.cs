using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// PMML 4.4 NearestNeighborModel. The k instances nearest the record (the first in document order among equals) predict:
/// regression by the average, median or weighted average of their targets, classification by majority or weighted
/// majority vote (ties to the category listed first), weights being 1 / (distance + threshold), or with a binary
/// similarity measure the similarity, larger being closer. Outputs see the
/// neighbours in rank order: entityId their ids, affinity their distances. Missing inputs are left out of the distance
/// and the rest scaled up; with every input missing there is no prediction.
/// </summary>
internal static class NearestNeighborInterpreter
{
    public static ModelResult Evaluate(NearestNeighborPlan plan, RowContext row)
    {
        var result = new ModelResult(plan.Target);
        Score(plan, row, result, new NeighborSearch(plan));
        return result;
    }

    internal static void Score(NearestNeighborPlan plan, RowContext row, ModelResult result, NeighborSearch search)
    {
        if (!search.Find(row, out var adjustment))
            return;
        var k = plan.K;
        for (var j = 0; j < k; j++)
        {
            search.Distances[j] = plan.Similarity ? -search.Inner[j] : ComparisonMath.Finish(plan.Measure.Measure, plan.Power, search.Inner[j], adjustment);
            search.Ids[j] = plan.Ids[search.Best[j]];
        }
        result.Affinities = search.Distances;
        result.EntityIds = search.Ids;
        result.LowerIsCloser = !plan.Similarity;
        result.EntityIndex = 0;
        result.EntityId = search.Ids[0];
        if (plan.Target.FieldName is null)
            return;
        if (plan.Function == MiningFunction.Classification)
            Vote(plan, search, result);
        else
            result.Predicted = Estimate(plan, search);
    }

    private static void Vote(NearestNeighborPlan plan, NeighborSearch search, ModelResult result)
    {
        var votes = search.Votes.AsSpan(0, plan.Target.Categories.Length);
        votes.Clear();
        var total = 0.0;
        for (var j = 0; j < plan.K; j++)
        {
            var category = plan.Target.IndexOf(plan.Targets[search.Best[j]]);
            if (category < 0)
                continue;
            var weight = plan.WeightedVote ? Weight(plan, search.Distances[j]) : 1.0;
            votes[category] += weight;
            total += weight;
        }
        if (total == 0)
            return;
        var probabilities = search.Probabilities;
        for (var c = 0; c < votes.Length; c++)
            probabilities[c] = votes[c] / total;
        result.SetDistribution(probabilities);
    }

    /// <summary>A neighbour's weight: 1 / (distance + threshold), or for a similarity measure the similarity itself.</summary>
    private static double Weight(NearestNeighborPlan plan, double affinity) =>
        plan.Similarity ? affinity : 1.0 / (affinity + plan.Threshold);

    private static Value Estimate(NearestNeighborPlan plan, NeighborSearch search)
    {
        var values = search.Votes.AsSpan(0, plan.K);
        double sum = 0, weights = 0;
        var n = 0;
        for (var j = 0; j < plan.K; j++)
        {
            if (!plan.Targets[search.Best[j]].TryGetNumber(out var y))
                continue;
            var weight = plan.ContinuousScoring == ContinuousScoringMethod.WeightedAverage ? Weight(plan, search.Distances[j]) : 1.0;
            sum += weight * y;
            weights += weight;
            values[n++] = y;
        }
        if (n == 0)
            return Value.Missing;
        if (plan.ContinuousScoring != ContinuousScoringMethod.Median)
            return Value.Of(sum / weights);
        values = values[..n];
        values.Sort();
        return Value.Of(n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2);
    }
}
