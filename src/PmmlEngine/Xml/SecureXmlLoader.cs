using System.Xml;
using System.Xml.Linq;
using PmmlEngine.Errors;

namespace PmmlEngine.Xml;

/// <summary>
/// Loads XML with line information and without DTDs or external resolution: a model from another team must not be able
/// to read local files or expand entities (XXE, billion laughs).
/// </summary>
internal static class SecureXmlLoader
{
    private static (int Line, int Column) Find(MemoryStream buffer, string marker)
    {
        var text = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        if (index < 0)
            return (0, 0);
        var line = 1 + text.AsSpan(0, index).Count('\n');
        return (line, index - text.LastIndexOf('\n', Math.Max(index - 1, 0)));
    }

    /// <summary>The whole stream in memory, refused once it passes <paramref name="maxBytes"/>.</summary>
    private static MemoryStream Read(Stream stream, long maxBytes)
    {
        // A file's length is known: one buffer of that size rather than doubling (a 3 MB forest copied five times).
        var buffer = new MemoryStream(stream.CanSeek ? (int)Math.Clamp(stream.Length - stream.Position, 0, Math.Min(maxBytes, Array.MaxLength)) : 0);
        var chunk = new byte[81920];
        int count;
        while ((count = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + count > maxBytes)
                throw new PmmlMarkupException(new MarkupProblem(MarkupProblemKind.MalformedDocument,
                    $"the document is larger than the limit of {maxBytes} bytes (EvaluatorOptions.Limits.MaxDocumentBytes)", SourceLocation.None));
            buffer.Write(chunk, 0, count);
        }
        buffer.Position = 0;
        return buffer;
    }

    /// <param name="stream">The document.</param>
    /// <param name="limits">Size and nesting limits.</param>
    /// <param name="segmentDone">Given each Segment element once it is complete (<see cref="LinearDocumentBuilder"/>).</param>
    public static XDocument Load(Stream stream, Evaluation.DocumentLimits limits, Action<XElement>? segmentDone = null)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersFromEntities = 1024,
        };
        var buffer = Read(stream, limits.MaxDocumentBytes);
        using var reader = new LimitedXmlReader(XmlReader.Create(buffer, settings), limits);
        try
        {
            return LinearDocumentBuilder.Build(reader, segmentDone);
        }
        catch (XmlException e)
        {
            // The DTD refusal carries no position of its own; the reader still knows where it stopped.
            var (line, column) = e.LineNumber > 0 ? (e.LineNumber, e.LinePosition) : Find(buffer, "<!DOCTYPE");
            var message = e.Message.Contains("DTD", StringComparison.Ordinal)
                ? "DTDs are not allowed in PMML documents (they enable entity expansion and external resolution)"
                : e.Message;
            throw new PmmlMarkupException(new MarkupProblem(
                MarkupProblemKind.MalformedDocument, message, new SourceLocation(line, column, "")));
        }
    }
}
