using System.Xml;
using System.Xml.Linq;

namespace PmmlEngine.Xml;

/// <summary>
/// Builds the XML tree from a reader bottom-up: an element joins its parent only once complete, while the parent is
/// still detached. XDocument.Load attaches top-down instead, and every add walks to the root to rule out a cycle, so a
/// document nested 10⁵ deep took quadratic time (about 50 s); here each add is constant time.
/// Whitespace between child elements (the indentation, a node per line) is dropped: PMML has no mixed content, and a
/// large forest spent a sixth of its tree's memory on it. Whitespace that is an element's only content is kept.
/// Each Segment element, once complete, is passed to <c>segmentDone</c>, which may read it on another thread: nothing
/// below it changes after that.
/// </summary>
internal static class LinearDocumentBuilder
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    public static XDocument Build(XmlReader reader, Action<XElement>? segmentDone = null)
    {
        var lines = (IXmlLineInfo)reader;
        var open = new Stack<XElement>();
        XElement? root = null;
        // Whitespace read before the open element's first child or text: kept only if no child element follows.
        string? leading = null;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    leading = null;
                    var element = new XElement(XNamespace.Get(reader.NamespaceURI) + reader.LocalName);
                    element.AddAnnotation(new LinePosition(lines.LineNumber, lines.LinePosition));
                    var empty = reader.IsEmptyElement;
                    while (reader.MoveToNextAttribute())
                    {
                        var attribute = new XAttribute(AttributeName(reader), reader.Value);
                        attribute.AddAnnotation(new LinePosition(lines.LineNumber, lines.LinePosition));
                        element.Add(attribute);
                    }
                    if (empty)
                        Attach(element);
                    else
                        open.Push(element);
                    break;
                case XmlNodeType.EndElement:
                    FlushLeading();
                    var done = open.Pop();
                    Attach(done);
                    if (segmentDone is not null && done.Name.LocalName == "Segment")
                        segmentDone(done);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA:
                    FlushLeading();
                    if (open.Count > 0)
                        open.Peek().Add(new XText(reader.Value));
                    break;
                case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (open.Count == 0)
                        break;
                    if (open.Peek().LastNode is null)
                        leading += reader.Value;
                    else if (open.Peek().LastNode is XText)
                        open.Peek().Add(new XText(reader.Value));
                    break;
            }
        }
        return new XDocument(root);

        void FlushLeading()
        {
            if (leading is not null)
                open.Peek().Add(new XText(leading));
            leading = null;
        }

        void Attach(XElement element)
        {
            if (open.Count == 0)
                root = element;
            else
                open.Peek().Add(element);
        }
    }

    /// <summary>Namespace declarations are named as XLinq names them: xmlns, or {xmlns namespace}prefix.</summary>
    private static XName AttributeName(XmlReader reader) =>
        reader.NamespaceURI == XmlnsNamespace && reader.Prefix.Length == 0
            ? XName.Get("xmlns")
            : XNamespace.Get(reader.NamespaceURI) + reader.LocalName;
}
