namespace PmmlEngine.Errors;

/// <summary>A record could not be scored: an invalid input under returnInvalid, a function domain error, and so on.</summary>
public sealed class PmmlEvaluationException : PmmlException
{
    public PmmlEvaluationException(string message, string? field = null, SourceLocation location = default)
        : base(location.IsKnown ? $"{message} (at {location})" : message)
    {
        Field = field;
        Location = location;
    }

    /// <summary>The field whose value caused the failure, when there is one.</summary>
    public string? Field { get; }

    public SourceLocation Location { get; }
}
