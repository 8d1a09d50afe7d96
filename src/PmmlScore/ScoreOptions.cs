namespace PmmlScore;

/// <summary>How <see cref="CsvScorer"/> reads and writes.</summary>
internal sealed record ScoreOptions
{
    /// <summary>Input cells that mean "missing" besides the empty cell.</summary>
    public IReadOnlySet<string> MissingInputs { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "", "NA", "N/A" };

    /// <summary>What a missing output is written as.</summary>
    public string MissingOutput { get; init; } = "";

    /// <summary>Input columns copied to the output, before the results.</summary>
    public IReadOnlyList<string> Keep { get; init; } = [];

    public string ErrorColumn { get; init; } = "error";

    public Action<long>? Progress { get; init; }
}
