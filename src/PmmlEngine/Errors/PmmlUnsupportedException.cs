namespace PmmlEngine.Errors;

/// <summary>
/// A model, or a part of one, that a backend or export cannot express: the message says what and where, so nothing is
/// silently approximated.
/// </summary>
public sealed class PmmlUnsupportedException : PmmlException
{
    public PmmlUnsupportedException(string message, SourceLocation location)
        : base(location.IsKnown || location.ElementPath.Length > 0 ? $"{message} at {location}" : message) => Location = location;

    public SourceLocation Location { get; }
}
