using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class NearestNeighborParser
{
    public static NearestNeighborModel Parse(ParseContext context, XElement element)
    {
        var training = element.Child("TrainingInstances");
        var comparison = element.Child("ComparisonMeasure");
        if (training is null)
            context.Report(MarkupProblemKind.MissingElement, element, "NearestNeighborModel requires TrainingInstances");
        if (comparison is null)
            context.Report(MarkupProblemKind.MissingElement, element, "NearestNeighborModel requires a ComparisonMeasure");
        var table = training?.Child("InlineTable");
        if (training is not null && table is null)
            context.Report(MarkupProblemKind.UnsupportedElement, training, "TrainingInstances must hold an InlineTable; TableLocator refers to data outside the document");
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
            InstanceFields = (training?.Child("InstanceFields")?.Children("InstanceField") ?? []).Select(f =>
            {
                var field = context.Required(f, "field");
                var column = f.Attr("column") ?? field;
                return (field, column[(column.IndexOf(':') + 1)..]);
            }).ToImmutableArray(),
            Instances = table is null ? new InlineTable([]) : InlineTableParser.Parse(table),
        };
        return ModelParser.WithCommon(context, element, model);
    }
}
