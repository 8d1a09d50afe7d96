using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class ClusteringModelParser
{
    private static readonly string[] BinaryParameters = ["c00", "c01", "c10", "c11", "d00", "d01", "d10", "d11"];

    public static ClusteringModel Parse(ParseContext context, XElement element)
    {
        var comparison = element.Child("ComparisonMeasure");
        if (comparison is null)
            context.Report(MarkupProblemKind.MissingElement, element, "ClusteringModel requires a ComparisonMeasure");
        if (element.Attribute("modelClass") is null)
            context.Report(MarkupProblemKind.MissingAttribute, element, "ClusteringModel requires attribute 'modelClass'");
        var weights = element.Child("MissingValueWeights")?.Child("Array");
        var model = new ClusteringModel
        {
            ElementName = "ClusteringModel",
            Function = ModelParser.Function(context, element),
            MiningSchema = ModelParser.ParseMiningSchema(context, element),
            Location = element.Where(),
            ModelClass = context.Enum(element, "modelClass", ClusteringModelClass.CenterBased),
            Measure = comparison is null
                ? new ComparisonMeasure(ComparisonKind.Distance, Measure.Euclidean, CompareFunction.AbsDiff, 2, [], [], element.Where())
                : ParseMeasure(context, comparison),
            Fields = element.Children("ClusteringField").Select(f => new ClusteringField(
                context.Required(f, "field"),
                context.Boolean(f, "isCenterField", true),
                context.Number(f, "fieldWeight", 1.0),
                context.OptionalNumber(f, "similarityScale"),
                context.OptionalEnum<CompareFunction>(f, "compareFunction"),
                f.Child("Comparisons")?.Child("Matrix") is { } matrix ? MatrixParser.Parse(context, matrix) : [],
                f.Where())).ToImmutableArray(),
            Clusters = element.Children("Cluster").Select(c => new Cluster(c.Attr("id"), c.Attr("name"),
                c.Child("Array") is { } center ? ArrayParser.ParseStrings(context, center) : [], c.Where())).ToImmutableArray(),
            MissingValueWeights = weights is null ? [] : [.. MatrixParser.Numbers(context, weights)],
        };
        return ModelParser.WithCommon(context, element, model);
    }

    private static ComparisonMeasure ParseMeasure(ParseContext context, XElement comparison)
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
