using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>What one model computed for a record, before its outputs are derived from it.</summary>
internal sealed class ModelResult(TargetPlan target)
{
    public TargetPlan Target { get; } = target;
    public Value Predicted { get; set; }

    /// <summary>Probabilities aligned with <see cref="TargetPlan.Categories"/>; null for regression.</summary>
    public double[]? Probabilities { get; set; }

    public double[]? Confidences { get; set; }
    public string? EntityId { get; set; }
    public List<string>? Warnings { get; set; }

    /// <summary>A display value the family chose (a cluster's name); else the target's display values apply.</summary>
    public string? DisplayValue { get; set; }

    /// <summary>
    /// Per entity (cluster, neighbour) its distance or similarity, aligned with <see cref="EntityIds"/>; the winner is
    /// <see cref="EntityIndex"/>, and ranks order by <see cref="LowerIsCloser"/>.
    /// </summary>
    public double[]? Affinities { get; set; }

    public string[]? EntityIds { get; set; }
    public int EntityIndex { get; set; } = -1;
    public bool LowerIsCloser { get; set; }

    /// <summary>A scorecard's reason codes for this record.</summary>
    public ReasonCodeTally? ReasonCodes { get; set; }

    /// <summary>An association or sequence model's findings for this record, from which rule outputs are chosen.</summary>
    public IRuleMatch? Rules { get; set; }

    /// <summary>The prediction's standard deviation (Gaussian process) and standard error (regressions), where known.</summary>
    public double? StandardDeviation { get; set; }

    public double? StandardError { get; set; }

    /// <summary>An ensemble's segment results by segment position (null where not scored), for segment-level outputs.</summary>
    public ModelResult?[]? Segments { get; set; }

    /// <summary>Clears the result so a compiled backend can reuse it for the next record.</summary>
    public void Reset()
    {
        Predicted = Value.Missing;
        Probabilities = null;
        Confidences = null;
        EntityId = null;
        Warnings = null;
        DisplayValue = null;
        Affinities = null;
        EntityIds = null;
        EntityIndex = -1;
        ReasonCodes = null;
        Rules = null;
        StandardDeviation = null;
        StandardError = null;
        Segments = null;
    }

    /// <summary>The index of the entity at 1-based <paramref name="rank"/>, ties in document order; -1 when there is none.</summary>
    public int EntityAtRank(int rank)
    {
        if (rank == 1 || Affinities is not { } affinities)
            return rank == 1 ? EntityIndex : -1;
        if (rank < 1 || rank > affinities.Length)
            return -1;
        var order = Enumerable.Range(0, affinities.Length).Where(i => !double.IsNaN(affinities[i]));
        order = LowerIsCloser ? order.OrderBy(i => affinities[i]) : order.OrderByDescending(i => affinities[i]);
        return order.Skip(rank - 1).DefaultIfEmpty(-1).First();
    }

    public void Warn(string warning) => (Warnings ??= []).Add(warning);

    /// <summary>Sets the probabilities and predicts the first most probable category.</summary>
    public void SetDistribution(double[] probabilities)
    {
        Probabilities = probabilities;
        var best = MostProbable(probabilities);
        Predicted = best < 0 ? Value.Missing : Target.Categories[best];
    }

    /// <summary>The first of the highest probabilities (NaN is none); -1 when there is none.</summary>
    public static int MostProbable(ReadOnlySpan<double> probabilities)
    {
        var best = -1;
        for (var i = 0; i < probabilities.Length; i++)
            if (!double.IsNaN(probabilities[i]) && (best < 0 || probabilities[i] > probabilities[best]))
                best = i;
        return best;
    }
}
