using System.Globalization;
using System.Text;
using System.Xml.Linq;
using PmmlEngine.Errors;

namespace PmmlEngine.Xml;

/// <summary>Navigation that ignores the PMML namespace version (3.0 to 4.4 and none all read alike).</summary>
internal static class ElementExtensions
{
    public static IEnumerable<XElement> Children(this XElement element, string localName)
    {
        for (var child = element.FirstChild(); child is not null; child = child.NextSibling())
            if (child.Name.LocalName == localName)
                yield return child;
    }

    public static XElement? Child(this XElement element, string localName)
    {
        for (var child = element.FirstChild(); child is not null; child = child.NextSibling())
            if (child.Name.LocalName == localName)
                return child;
        return null;
    }

    // Walking siblings allocates nothing, where Elements() allocates an enumerator per call: a large forest makes
    // several such calls per node.
    public static XElement? FirstChild(this XElement element) => Next(element.FirstNode);

    public static XElement? NextSibling(this XElement element) => Next(element.NextNode);

    private static XElement? Next(XNode? node)
    {
        while (node is not null and not XElement)
            node = node.NextNode;
        return (XElement?)node;
    }

    public static string? Attr(this XElement element, string name) => element.Attribute(name)?.Value;

    /// <summary>Line, column and element name; cheap enough to record on every node of a large forest.</summary>
    public static SourceLocation Where(this XElement element)
    {
        var (line, column) = Position(element);
        return new SourceLocation(line, column, element.Name.LocalName);
    }

    /// <summary>The full element path for error messages, e.g. PMML/MiningModel/Segmentation/Segment[3]/TreeModel.</summary>
    public static SourceLocation WhereExactly(this XElement element)
    {
        var (line, column) = Position(element);
        var parts = new List<string>();
        for (var e = element; e is not null; e = e.Parent)
        {
            var name = e.Name.LocalName;
            var index = 0;
            var count = 0;
            if (e.Parent is not null)
            {
                foreach (var sibling in e.Parent.Elements())
                {
                    if (sibling.Name.LocalName != name) continue;
                    count++;
                    if (sibling == e) index = count;
                }
            }
            parts.Add(count > 1 ? $"{name}[{index}]" : name);
        }
        parts.Reverse();
        return new SourceLocation(line, column, string.Join('/', parts));
    }

    public static SourceLocation Where(this XAttribute attribute)
    {
        var (line, column) = Position(attribute);
        var owner = attribute.Parent!.WhereExactly();
        return new SourceLocation(line, column, $"{owner.ElementPath}@{attribute.Name.LocalName}");
    }

    private static (int Line, int Column) Position(XObject node) =>
        node.Annotation<LinePosition>() is { } position ? (position.Line, position.Column) : (0, 0);

    /// <summary>The text of an element's own text nodes (Array, Constant).</summary>
    public static string Text(this XElement element)
    {
        var builder = new StringBuilder();
        foreach (var node in element.Nodes())
            if (node is XText text)
                builder.Append(text.Value);
        return builder.ToString();
    }

    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        || Types.ValueParser.TryParseDouble(text, out value);
}
