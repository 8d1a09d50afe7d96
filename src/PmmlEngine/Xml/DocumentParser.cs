using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

/// <summary>Turns a PMML XML document into the immutable <see cref="PmmlDocument"/>; the only System.Xml.Linq user.</summary>
public static class DocumentParser
{
    private static readonly HashSet<string> NonModelElements =
        ["Header", "MiningBuildTask", "DataDictionary", "TransformationDictionary", "Extension"];

    public static PmmlDocument Parse(Stream stream, Evaluation.DocumentLimits? limits = null) =>
        Parse(stream, limits, SegmentPreparser.Create());

    /// <param name="stream">The document.</param>
    /// <param name="limits">Size and nesting limits.</param>
    /// <param name="ahead">Parses segments while the XML is read; null parses everything in one pass on this thread.</param>
    internal static PmmlDocument Parse(Stream stream, Evaluation.DocumentLimits? limits, SegmentPreparser? ahead)
    {
        using (ahead)
            return Parse(SecureXmlLoader.Load(stream, limits ?? Evaluation.DocumentLimits.Default, ahead is null ? null : ahead.Offer), ahead);
    }

    private static PmmlDocument Parse(XDocument document, SegmentPreparser? ahead)
    {
        ahead?.Finish();
        var diagnostics = new Diagnostics();
        var context = new ParseContext(diagnostics, ahead);
        var root = document.Root!;
        if (root.Name.LocalName != "PMML")
        {
            context.Report(MarkupProblemKind.InvalidElement, root, $"the root element is {root.Name.LocalName}, not PMML");
            diagnostics.ThrowIfAny();
        }
        if (root.Name.NamespaceName.Length > 0 && !root.Name.NamespaceName.StartsWith("http://www.dmg.org/PMML-", StringComparison.Ordinal))
            context.Report(MarkupProblemKind.InvalidElement, root, $"unknown PMML namespace '{root.Name.NamespaceName}'");

        var version = root.Attr("version") ?? "";
        var dictionaryElement = root.Child("DataDictionary");
        var dictionary = dictionaryElement is null
            ? ImmutableArray<DataField>.Empty
            : DictionaryParser.ParseDataDictionary(context, dictionaryElement);
        if (dictionaryElement is null)
            context.Report(MarkupProblemKind.MissingElement, root, "PMML requires a DataDictionary");
        var transformations = root.Child("TransformationDictionary") is { } td
            ? DictionaryParser.ParseTransformationDictionary(context, td)
            : TransformationDictionary.Empty;

        ModelElement? model = null;
        foreach (var child in root.Elements())
        {
            var name = child.Name.LocalName;
            if (NonModelElements.Contains(name))
                continue;
            if (!ModelParser.IsModelElement(name))
            {
                context.Report(MarkupProblemKind.UnsupportedElement, child, $"unknown element {name} (not a PMML model type)");
                continue;
            }
            // PMML allows several models in one document; the first scorable one is the document's model.
            var parsed = ModelParser.Parse(context, child);
            if (model is null && parsed is { IsScorable: true })
                model = parsed;
        }
        if (model is null && !diagnostics.HasProblems)
            context.Report(MarkupProblemKind.MissingElement, root, "the document holds no scorable model");
        diagnostics.ThrowIfAny();
        return new PmmlDocument(version, dictionary, transformations, model!);
    }
}
