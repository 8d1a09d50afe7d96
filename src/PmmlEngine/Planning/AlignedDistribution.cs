using System.Collections.Immutable;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>
/// A ScoreDistribution (of a tree node or a rule) aligned with the target's categories: record counts, probabilities
/// (explicit when every entry has one, else counts over their total; null when there are no counts) and explicit
/// confidences (null when no entry has one). Entries naming no category of the target are ignored.
/// </summary>
internal sealed record AlignedDistribution(double[] Counts, double[]? Probabilities, double[]? Confidences)
{
    public static AlignedDistribution Align(ImmutableArray<ScoreDistribution> distribution, TargetPlan target)
    {
        var counts = new double[target.Categories.Length];
        var explicitProbabilities = distribution.All(d => d.Probability is not null) ? new double[counts.Length] : null;
        var explicitConfidences = distribution.Any(d => d.Confidence is not null) ? new double[counts.Length] : null;
        foreach (var d in distribution)
        {
            var index = target.IndexOf(ValueParser.Parse(d.Value, target.DataType));
            if (index < 0)
                continue;
            counts[index] += d.RecordCount;
            if (explicitProbabilities is not null) explicitProbabilities[index] = d.Probability!.Value;
            if (explicitConfidences is not null) explicitConfidences[index] = d.Confidence ?? 0;
        }
        var total = counts.Sum();
        var probabilities = explicitProbabilities;
        if (probabilities is null && total > 0)
        {
            probabilities = new double[counts.Length];
            for (var i = 0; i < counts.Length; i++)
                probabilities[i] = counts[i] / total;
        }
        return new AlignedDistribution(counts, probabilities, explicitConfidences);
    }
}
