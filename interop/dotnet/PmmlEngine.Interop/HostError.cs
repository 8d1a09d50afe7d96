using PmmlEngine.Errors;

namespace PmmlEngine.Interop;

/// <summary>
/// The last failure on this thread, kept for the host to fetch after an entry point returned a negative status.
/// Detail text, fields separated by U+001F: message, field name (or empty), then one location per problem as
/// line U+001E column U+001E element path U+001E message.
/// </summary>
internal static class HostError
{
    [ThreadStatic] private static string? t_detail;

    public static string Detail => t_detail ?? "";

    public static int Set(Status status, string message)
    {
        t_detail = message + '\u001F';
        return (int)status;
    }

    /// <summary>Records an exception and returns the status that names its kind.</summary>
    public static int Set(Exception exception)
    {
        switch (exception)
        {
            case PmmlMarkupException markup:
                t_detail = Join(markup.Message, "", markup.Problems.Select(p => Location(p.Location, p.Message)));
                return (int)Status.InvalidMarkup;
            case PmmlEvaluationException evaluation:
                t_detail = Join(evaluation.Message, evaluation.Field ?? "",
                    evaluation.Location.IsKnown ? [Location(evaluation.Location, evaluation.Message)] : []);
                return (int)Status.Evaluation;
            case ArgumentException or FormatException or InvalidOperationException:
                return Set(Status.InvalidArgument, exception.Message);
            default:
                return Set(Status.Internal, $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private static string Location(SourceLocation location, string message) =>
        string.Join('\u001E', location.Line, location.Column, location.ElementPath, message);

    private static string Join(string message, string field, IEnumerable<string> locations) =>
        string.Join('\u001F', new[] { message, field }.Concat(locations));
}
