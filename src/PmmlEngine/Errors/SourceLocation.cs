namespace PmmlEngine.Errors;

/// <summary>Where in a PMML document something was found: 1-based line and column plus the element path.</summary>
public readonly record struct SourceLocation(int Line, int Column, string ElementPath)
{
    public static readonly SourceLocation None = new(0, 0, "");

    public bool IsKnown => Line > 0;

    public override string ToString() =>
        IsKnown ? $"line {Line}, column {Column} ({ElementPath})" : ElementPath.Length > 0 ? ElementPath : "(unknown location)";
}
