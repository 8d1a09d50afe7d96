using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>PMML 4.4 MiningModel: segment selection and the multipleModelMethod combinations.</summary>
internal static class EnsembleInterpreter
{
    public static ModelResult Evaluate(EnsemblePlan ensemble, RowContext row)
    {
        var result = new ModelResult(ensemble.Target);
        var scored = new List<(SegmentPlan Segment, ModelResult Result)>();
        var missing = 0;
        var segments = ensemble.HasSegmentOutputs ? result.Segments = new ModelResult?[ensemble.Segments.Length] : null;
        for (var s = 0; s < ensemble.Segments.Length; s++)
        {
            var segment = ensemble.Segments[s];
            if (PredicateInterpreter.Evaluate(segment.Predicate, row) != Truth.True)
                continue;
            var segmentResult = ModelInterpreter.Evaluate(segment.Model, row);
            if (segments is not null)
                segments[s] = segmentResult;
            switch (ensemble.Method)
            {
                case MultipleModelMethod.SelectFirst:
                    return Adopt(result, segment, segmentResult);
                case MultipleModelMethod.ModelChain:
                    scored.Clear();
                    scored.Add((segment, segmentResult));
                    continue;
            }
            if (segmentResult.Predicted.IsMissing)
            {
                if (ensemble.MissingPredictionTreatment == MissingPredictionTreatment.ReturnMissing)
                    return result;
                missing++;
                continue;
            }
            scored.Add((segment, segmentResult));
        }
        if (ensemble.Method == MultipleModelMethod.ModelChain)
            return scored.Count == 0 ? result : Adopt(result, scored[0].Segment, scored[0].Result);
        if (scored.Count == 0 || missing > 0 && (double)missing / (missing + scored.Count) > ensemble.MissingThreshold)
            return result;
        if (missing > 0)
            result.Warn(MissingSegments(missing, missing + scored.Count));
        if (ensemble.Method == MultipleModelMethod.SelectAll)
        {
            result.Predicted = Value.OfCollection(scored.Select(s => s.Result.Predicted).ToArray());
            return result;
        }
        if (ensemble.Function == MiningFunction.Classification)
            Classify(ensemble, scored, result);
        else
            result.Predicted = Regress(ensemble, scored);
        return result;
    }

    /// <summary>The warning for a prediction combined without some segments (below the missing prediction threshold).</summary>
    internal static string MissingSegments(int missing, int total) => $"{missing} of {total} segments gave no prediction and were left out";

    /// <summary>selectFirst and modelChain pass the chosen segment's result through, mapped to the ensemble's categories.</summary>
    internal static ModelResult Adopt(ModelResult result, SegmentPlan segment, ModelResult chosen)
    {
        result.Predicted = chosen.Predicted;
        result.EntityId = chosen.EntityId;
        result.Warnings = chosen.Warnings;
        result.Probabilities = Align(segment, chosen.Probabilities, result.Target.Categories.Length);
        result.Confidences = Align(segment, chosen.Confidences, result.Target.Categories.Length);
        return result;
    }

    private static double[]? Align(SegmentPlan segment, double[]? values, int length) => Align(segment, values, new double[length]);

    /// <summary>A segment's distribution in the ensemble's category order, written into <paramref name="aligned"/>; null when it has none.</summary>
    internal static double[]? Align(SegmentPlan segment, double[]? values, double[] aligned)
    {
        if (values is null)
            return null;
        Array.Clear(aligned);
        for (var i = 0; i < values.Length && i < segment.CategoryMap.Length; i++)
            if (segment.CategoryMap[i] >= 0)
                aligned[segment.CategoryMap[i]] += values[i];
        return aligned;
    }

    private static Value Regress(EnsemblePlan ensemble, List<(SegmentPlan Segment, ModelResult Result)> scored)
    {
        var values = new double[scored.Count];
        var weights = new double[scored.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (!scored[i].Result.Predicted.TryGetNumber(out values[i]))
                return Value.Missing;
            weights[i] = scored[i].Segment.Weight;
        }
        return Value.Of(Regress(ensemble, values, weights));
    }

    /// <summary>Combines the segments' numeric predictions by the ensemble's method; every backend uses this arithmetic.</summary>
    internal static double Regress(EnsemblePlan ensemble, ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        if (SumKindOf(ensemble) is { } kind)
        {
            var sum = SumStart(ensemble);
            for (var i = 0; i < values.Length; i++)
                sum = SumAdd(kind, sum, values[i], weights[i]);
            return SumFinish(ensemble, sum, values.Length, weights);
        }
        return ensemble.Method switch
        {
            MultipleModelMethod.Median => Median(values.ToArray()),
            MultipleModelMethod.WeightedMedian => WeightedMedian(values.ToArray(), weights.ToArray()),
            MultipleModelMethod.Max => values.ToArray().Max(),
            _ => double.NaN,
        };
    }

    /// <summary>
    /// The methods that combine by a running sum (sum, weighted sum and their averages), and how they add: the batch
    /// kernel adds tree by tree with these same steps, so every backend adds in the same order with the same rounding.
    /// </summary>
    internal static SumKind? SumKindOf(EnsemblePlan ensemble) => ensemble.Method switch
    {
        // XGBoost starts from base_score (the Target's rescaleConstant) and adds its trees in float32, in order.
        MultipleModelMethod.Sum when ensemble.IsFloat => SumKind.Float,
        MultipleModelMethod.Sum or MultipleModelMethod.Average => SumKind.Plain,
        MultipleModelMethod.WeightedSum or MultipleModelMethod.WeightedAverage => SumKind.Weighted,
        _ => null,
    };

    internal static double SumStart(EnsemblePlan ensemble) => SumKindOf(ensemble) == SumKind.Float ? BaseScore(ensemble) : 0.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double SumAdd(SumKind kind, double sum, double value, double weight) => kind switch
    {
        SumKind.Float => (float)sum + (float)value,
        SumKind.Weighted => sum + value * weight,
        _ => sum + value,
    };

    internal static double SumFinish(EnsemblePlan ensemble, double sum, int count, ReadOnlySpan<double> weights)
    {
        switch (ensemble.Method)
        {
            case MultipleModelMethod.Average:
                return sum / count;
            case MultipleModelMethod.WeightedAverage:
                var weightSum = 0.0;
                foreach (var w in weights) weightSum += w;
                return sum / weightSum;
            default:
                return sum;
        }
    }

    /// <summary>The rescaleConstant folded into a float sum; <see cref="ModelInterpreter"/> then leaves it out.</summary>
    internal static float BaseScore(EnsemblePlan ensemble) =>
        ensemble.Target.Target is { RescaleFactor: 1.0, Min: null, Max: null } target ? (float)target.RescaleConstant : 0f;

    private static void Classify(EnsemblePlan ensemble, List<(SegmentPlan Segment, ModelResult Result)> scored, ModelResult result)
    {
        var n = ensemble.Target.Categories.Length;
        Classify(ensemble, CollectionsMarshal.AsSpan(scored), result, new double[n], new double[n]);
    }

    /// <summary>
    /// Combines the segments' classifications into <paramref name="totals"/> (the result's distribution), using
    /// <paramref name="aligned"/> to map each segment's distribution to the ensemble's categories; callers that reuse
    /// the two buffers allocate nothing for votes and averages.
    /// </summary>
    internal static void Classify(EnsemblePlan ensemble, ReadOnlySpan<(SegmentPlan Segment, ModelResult Result)> scored, ModelResult result, double[] totals, double[] aligned)
    {
        var n = totals.Length;
        Array.Clear(totals);
        switch (ensemble.Method)
        {
            case MultipleModelMethod.MajorityVote:
            case MultipleModelMethod.WeightedMajorityVote:
                var votes = 0.0;
                foreach (var (segment, r) in scored)
                {
                    var index = ensemble.Target.IndexOf(r.Predicted);
                    if (index < 0) continue;
                    var weight = ensemble.Method == MultipleModelMethod.WeightedMajorityVote ? segment.Weight : 1.0;
                    totals[index] += weight;
                    votes += weight;
                }
                for (var i = 0; i < n; i++) totals[i] /= votes;
                break;
            case MultipleModelMethod.Average:
            case MultipleModelMethod.WeightedAverage:
                var weightSum = 0.0;
                foreach (var (segment, r) in scored)
                {
                    var weight = ensemble.Method == MultipleModelMethod.WeightedAverage ? segment.Weight : 1.0;
                    if (Align(segment, r.Probabilities, aligned) is { } distribution)
                        for (var i = 0; i < n; i++) totals[i] += weight * distribution[i];
                    weightSum += weight;
                }
                for (var i = 0; i < n; i++) totals[i] /= weightSum;
                break;
            case MultipleModelMethod.Median:
                MedianDistribution(scored.ToArray(), totals);
                break;
            case MultipleModelMethod.Max:
                MaxDistribution(scored.ToArray(), totals);
                break;
        }
        result.SetDistribution(totals);
    }

    // Median and max live in methods of their own: their lambdas' closures would otherwise be allocated on every call
    // of Classify, votes and averages included.
    private static void MedianDistribution((SegmentPlan Segment, ModelResult Result)[] scored, double[] totals)
    {
        var n = totals.Length;
        var columns = scored.Select(s => Align(s.Segment, s.Result.Probabilities, n) ?? new double[n]).ToArray();
        for (var i = 0; i < n; i++) totals[i] = Median(columns.Select(c => c[i]).ToArray());
    }

    /// <summary>The most confident segments win; their distributions are averaged.</summary>
    private static void MaxDistribution((SegmentPlan Segment, ModelResult Result)[] scored, double[] totals)
    {
        var n = totals.Length;
        var distributions = scored.Select(s => Align(s.Segment, s.Result.Probabilities, n) ?? new double[n]).ToArray();
        var best = distributions.Max(d => d.Length == 0 ? 0 : d.Max());
        var winners = distributions.Where(d => d.Length > 0 && d.Max() == best).ToArray();
        var category = Array.IndexOf(winners[0], best);
        foreach (var d in winners.Where(d => Array.IndexOf(d, d.Max()) == category))
            for (var i = 0; i < n; i++) totals[i] += d[i];
        var count = totals.Sum();
        for (var i = 0; i < n; i++) totals[i] /= count;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var m = sorted.Length;
        return m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
    }

    /// <summary>The smallest value whose cumulative weight reaches half of the total weight.</summary>
    private static double WeightedMedian(double[] values, double[] weights)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var half = weights.Sum() / 2;
        var cumulative = 0.0;
        foreach (var i in order)
        {
            cumulative += weights[i];
            if (cumulative >= half)
                return values[i];
        }
        return values[order[^1]];
    }
}
