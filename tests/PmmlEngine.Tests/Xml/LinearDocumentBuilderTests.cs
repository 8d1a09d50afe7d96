using System.Xml;
using System.Xml.Linq;
using PmmlEngine.Xml;

namespace PmmlEngine.Tests.Xml;

/// <summary>The tree keeps what PMML reads: text, and whitespace that is an element's only content; not indentation.</summary>
public sealed class LinearDocumentBuilderTests
{
    private static XElement Build(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { IgnoreComments = true });
        return LinearDocumentBuilder.Build(reader).Root!;
    }

    [Test]
    public void IndentationBetweenElements_IsDropped()
    {
        var root = Build("<a>\n  <b x=\"1\"/>\n  <c>\n    <d/>\n  </c>\n</a>");
        Assert.That(root.Nodes().Select(n => n.NodeType), Is.EqualTo(new[] { XmlNodeType.Element, XmlNodeType.Element }));
        Assert.That(root.Element("c")!.Nodes().Count(), Is.EqualTo(1));
    }

    [TestCase("<a><c> </c></a>", " ")]
    [TestCase("<a><c>  <!-- note -->\t</c></a>", "  \t")]
    [TestCase("<a><c> x <!-- note --> </c></a>", " x  ")]
    [TestCase("<a><c><![CDATA[y]]></c></a>", "y")]
    [TestCase("<a><c>\n  <![CDATA[y]]>\n</c></a>", "\n  y\n")]
    public void TextContent_KeepsItsWhitespace(string xml, string text) =>
        Assert.That(Build(xml).Element("c")!.Value, Is.EqualTo(text));
}
