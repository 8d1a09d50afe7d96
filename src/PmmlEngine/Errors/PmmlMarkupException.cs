namespace PmmlEngine.Errors;

/// <summary>
/// The document cannot be loaded. Carries every problem found, not just the first, so a producer can fix them in one go.
/// </summary>
public sealed class PmmlMarkupException : PmmlException
{
    public PmmlMarkupException(IReadOnlyList<MarkupProblem> problems)
        : base(Format(problems)) => Problems = problems;

    public PmmlMarkupException(MarkupProblem problem) : this([problem]) { }

    public IReadOnlyList<MarkupProblem> Problems { get; }

    /// <summary>The first problem's kind; most documents have one.</summary>
    public MarkupProblemKind Kind => Problems[0].Kind;

    /// <summary>The first problem's location.</summary>
    public SourceLocation Location => Problems[0].Location;

    private static string Format(IReadOnlyList<MarkupProblem> problems) =>
        problems.Count == 1
            ? $"Invalid PMML at {problems[0]}"
            : $"Invalid PMML: {problems.Count} problems:{Environment.NewLine}  " +
              string.Join(Environment.NewLine + "  ", problems);
}
