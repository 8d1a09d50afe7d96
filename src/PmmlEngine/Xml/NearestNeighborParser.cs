using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class NearestNeighborParser
{
    public static NearestNeighborModel Parse(ParseContext context, XElement element)
    {
        var (instanceFields, instances) = InstanceFieldsParser.Parse(context, element);
        var comparison = element.Child("ComparisonMeasure");
        if (comparison is null)
            context.Report(MarkupProblemKind.MissingElement, element, "NearestNeighborModel requires a ComparisonMeasure");
        var model = new NearestNeighborModel
        {
            ElementName = "NearestNeighborModel",
            Function = ModelParser.Function(context, element),
            MiningSchema = ModelParser.ParseMiningSchema(context, element),
            Location = element.Where(),
            NumberOfNeighbors = context.Integer(element, "numberOfNeighbors", 1),
            ContinuousScoringMethod = context.Enum(element, "continuousScoringMethod", ContinuousScoringMethod.Average),
            WeightedMajorityVote = element.Attr("categoricalScoringMethod") == "weightedMajorityVote",
            InstanceIdVariable = element.Attr("instanceIdVariable"),
            Threshold = context.Number(element, "threshold", 0.001),
            Measure = comparison is null
                ? new ComparisonMeasure(ComparisonKind.Distance, Measure.Euclidean, CompareFunction.AbsDiff, 2, [], [], element.Where())
                : ComparisonMeasureParser.Parse(context, comparison),
            Inputs = (element.Child("KNNInputs")?.Children("KNNInput") ?? []).Select(i => (context.Required(i, "field"),
                context.Number(i, "fieldWeight", 1.0), context.OptionalEnum<CompareFunction>(i, "compareFunction"))).ToImmutableArray(),
            InstanceFields = instanceFields,
            Instances = instances,
        };
        return ModelParser.WithCommon(context, element, model);
    }
}
