namespace PmmlEngine.Errors;

/// <summary>One problem found in a PMML document, with the place it was found.</summary>
public sealed record MarkupProblem(MarkupProblemKind Kind, string Message, SourceLocation Location)
{
    public override string ToString() => $"{Location}: {Message}";
}
