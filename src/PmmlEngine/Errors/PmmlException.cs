namespace PmmlEngine.Errors;

/// <summary>Root of every error the engine raises on purpose.</summary>
public abstract class PmmlException : Exception
{
    protected PmmlException(string message, Exception? inner = null) : base(message, inner) { }
}
