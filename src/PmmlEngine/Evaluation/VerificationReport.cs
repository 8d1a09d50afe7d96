namespace PmmlEngine.Evaluation;

/// <summary>The outcome of <see cref="PmmlEvaluator.Verify"/>: one line per value that differs from the document's own record.</summary>
public sealed record VerificationReport(int Records, IReadOnlyList<string> Mismatches)
{
    public bool Passed => Mismatches.Count == 0;

    public override string ToString() =>
        Passed ? $"{Records} verification records reproduced" : $"{Mismatches.Count} mismatches in {Records} records:{Environment.NewLine}" + string.Join(Environment.NewLine, Mismatches);
}
