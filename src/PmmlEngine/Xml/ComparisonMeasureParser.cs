using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

/// <summary>A ComparisonMeasure, shared by ClusteringModel and NearestNeighborModel.</summary>
internal static class ComparisonMeasureParser
{
    private static readonly string[] BinaryParameters = ["c00", "c01", "c10", "c11", "d00", "d01", "d10", "d11"];

    public static ComparisonMeasure Parse(ParseContext context, XElement comparison)
    {
        var measure = comparison.Elements().FirstOrDefault(e => e.Name.LocalName != "Extension");
        var kind = Measure.Euclidean;
        if (measure is null)
            context.Report(MarkupProblemKind.MissingElement, comparison, "ComparisonMeasure requires a measure element");
        else if (!Enum.TryParse(measure.Name.LocalName, ignoreCase: true, out kind))
            context.Report(MarkupProblemKind.UnsupportedElement, measure, $"unknown comparison measure {measure.Name.LocalName}");
        if (kind == Measure.Minkowski && measure?.Attribute("p-parameter") is null)
            context.Report(MarkupProblemKind.MissingAttribute, measure!, "minkowski requires attribute 'p-parameter'");
        var binary = kind == Measure.BinarySimilarity
            ? BinaryParameters.Select(p => context.RequiredNumber(measure!, p)).ToArray()
            : [];
        return new ComparisonMeasure(
            context.Enum(comparison, "kind", ComparisonKind.Distance),
            kind,
            context.Enum(comparison, "compareFunction", CompareFunction.AbsDiff),
            measure is null ? 2 : context.Number(measure, "p-parameter", 2),
            binary.Length == 0 ? [] : [.. binary[..4]],
            binary.Length == 0 ? [] : [.. binary[4..]],
            comparison.Where());
    }
}
