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
    public static XDocument Load(Stream stream)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersFromEntities = 1024,
        };
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            var message = e.Message.Contains("DTD", StringComparison.Ordinal)
                ? "DTDs are not allowed in PMML documents (they enable entity expansion and external resolution)"
                : e.Message;
            throw new PmmlMarkupException(new MarkupProblem(
                MarkupProblemKind.MalformedDocument, message, new SourceLocation(e.LineNumber, e.LinePosition, "")));
        }
    }
}
