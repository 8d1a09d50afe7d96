
namespace PmmlEngine.Errors;

/// <summary>Collects every problem found while reading a document so they can be reported together.</summary>
internal sealed class Diagnostics
{
    private readonly List<MarkupProblem> _problems = [];

    public bool HasProblems => _problems.Count > 0;

    public void Report(MarkupProblemKind kind, string message, SourceLocation location) =>
        _problems.Add(new MarkupProblem(kind, message, location));

    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
            throw new PmmlMarkupException(_problems.ToArray());
    }
}
