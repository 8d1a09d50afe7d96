using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class ClusteringModelParser
{
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
                : ComparisonMeasureParser.Parse(context, comparison),
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
}
