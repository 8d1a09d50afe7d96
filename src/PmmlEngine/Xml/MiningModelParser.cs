using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class MiningModelParser
{
    public static MiningModel Parse(ParseContext context, XElement element)
    {
        var segmentation = element.Child("Segmentation");
        if (segmentation is null)
            context.Report(MarkupProblemKind.MissingElement, element, "MiningModel requires a Segmentation");
        var segments = ImmutableArray.CreateBuilder<Segment>();
        var index = 0;
        foreach (var segment in segmentation?.Children("Segment") ?? [])
        {
            index++;
            var modelElement = SegmentPreparser.FirstModel(segment);
            if (modelElement is null)
            {
                context.Report(MarkupProblemKind.MissingElement, segment, "Segment requires a model");
                continue;
            }
            var model = context.ParseSegmentModel(modelElement);
            if (model is not null)
                segments.Add(new Segment(segment.Attr("id") ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    context.Number(segment, "weight", 1.0), PredicateParser.ParseOf(context, segment), model));
        }
        var function = ModelParser.Function(context, element);
        var method = segmentation is null ? MultipleModelMethod.ModelChain : context.Enum(segmentation, "multipleModelMethod", MultipleModelMethod.ModelChain);
        if (segmentation is not null && segmentation.Attribute("multipleModelMethod") is null)
            context.Report(MarkupProblemKind.MissingAttribute, segmentation, "Segmentation requires attribute 'multipleModelMethod'");
        if (segmentation is not null && !IsAllowed(method, function))
            context.Report(MarkupProblemKind.InvalidAttribute, segmentation,
                $"multipleModelMethod '{segmentation.Attr("multipleModelMethod")}' is not defined for {function.ToString().ToLowerInvariant()} models");
        var model0 = new MiningModel
        {
            ElementName = "MiningModel",
            Function = function,
            MiningSchema = ModelParser.ParseMiningSchema(context, element),
            Location = element.Where(),
            Method = method,
            MissingPredictionTreatment = segmentation is null
                ? MissingPredictionTreatment.Continue
                : context.Enum(segmentation, "missingPredictionTreatment", MissingPredictionTreatment.Continue),
            MissingThreshold = segmentation is null ? 1.0 : context.Number(segmentation, "missingThreshold", 1.0),
            Segments = segments.ToImmutable(),
        };
        return ModelParser.WithCommon(context, element, model0);
    }

    /// <summary>PMML 4.4 Multiple Models: which combination methods each mining function admits.</summary>
    private static bool IsAllowed(MultipleModelMethod method, MiningFunction function) => method switch
    {
        MultipleModelMethod.SelectFirst or MultipleModelMethod.SelectAll or MultipleModelMethod.ModelChain => true,
        MultipleModelMethod.MajorityVote or MultipleModelMethod.WeightedMajorityVote =>
            function is MiningFunction.Classification or MiningFunction.Clustering,
        MultipleModelMethod.Sum or MultipleModelMethod.WeightedSum or MultipleModelMethod.WeightedMedian =>
            function == MiningFunction.Regression,
        _ => function is MiningFunction.Regression or MiningFunction.Classification,
    };
}
