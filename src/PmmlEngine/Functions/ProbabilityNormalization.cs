namespace PmmlEngine.Functions;

/// <summary>
/// softmax and simplemax over a vector of scores, shared by every family that normalizes (regression tables, neural
/// layers, multinomial and Bayes posteriors). <c>scores</c> and <c>p</c> may be the same span.
/// </summary>
internal static class ProbabilityNormalization
{
    /// <summary>exp(s − max) over their sum: shifting by the largest score keeps exp from overflowing.</summary>
    public static void Softmax(ReadOnlySpan<double> scores, Span<double> p)
    {
        var max = double.NegativeInfinity;
        foreach (var s in scores) max = Math.Max(max, s);
        var sum = 0.0;
        for (var i = 0; i < p.Length; i++) sum += p[i] = Math.Exp(scores[i] - max);
        for (var i = 0; i < p.Length; i++) p[i] /= sum;
    }

    public static void Simplemax(ReadOnlySpan<double> scores, Span<double> p)
    {
        var total = 0.0;
        foreach (var s in scores) total += s;
        for (var i = 0; i < p.Length; i++) p[i] = scores[i] / total;
    }
}
