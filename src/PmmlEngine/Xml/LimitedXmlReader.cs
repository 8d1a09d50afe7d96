using System.Xml;
using PmmlEngine.Errors;
using PmmlEngine.Evaluation;

namespace PmmlEngine.Xml;

/// <summary>
/// Passes an XmlReader through while counting elements and watching their depth, so a document over the limits stops
/// at the element that crosses them, with its line, before the tree is built any further.
/// </summary>
internal sealed class LimitedXmlReader(XmlReader inner, DocumentLimits limits) : XmlReader, IXmlLineInfo
{
    private long _elements;

    public override bool Read()
    {
        if (!inner.Read())
            return false;
        if (inner.NodeType == XmlNodeType.Element)
        {
            if (++_elements > limits.MaxElements)
                Refuse($"the document has more than {limits.MaxElements} elements (EvaluatorOptions.Limits.MaxElements)");
            if (inner.Depth >= limits.MaxDepth)
                Refuse($"elements nest deeper than {limits.MaxDepth} levels (EvaluatorOptions.Limits.MaxDepth)");
        }
        return true;
    }

    private void Refuse(string message)
    {
        var info = (IXmlLineInfo)inner;
        throw new PmmlMarkupException(new MarkupProblem(MarkupProblemKind.MalformedDocument, message,
            new SourceLocation(info.LineNumber, info.LinePosition, inner.LocalName)));
    }

    public bool HasLineInfo() => ((IXmlLineInfo)inner).HasLineInfo();
    public int LineNumber => ((IXmlLineInfo)inner).LineNumber;
    public int LinePosition => ((IXmlLineInfo)inner).LinePosition;

    public override XmlNodeType NodeType => inner.NodeType;
    public override string LocalName => inner.LocalName;
    public override string NamespaceURI => inner.NamespaceURI;
    public override string Prefix => inner.Prefix;
    public override string Value => inner.Value;
    public override int Depth => inner.Depth;
    public override string BaseURI => inner.BaseURI;
    public override bool IsEmptyElement => inner.IsEmptyElement;
    public override int AttributeCount => inner.AttributeCount;
    public override bool EOF => inner.EOF;
    public override ReadState ReadState => inner.ReadState;
    public override XmlNameTable NameTable => inner.NameTable;
    public override string GetAttribute(int i) => inner.GetAttribute(i);
    public override string? GetAttribute(string name) => inner.GetAttribute(name);
    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);
    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);
    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);
    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);
    public override bool MoveToElement() => inner.MoveToElement();
    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();
    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();
    public override bool ReadAttributeValue() => inner.ReadAttributeValue();
    public override void ResolveEntity() => inner.ResolveEntity();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
