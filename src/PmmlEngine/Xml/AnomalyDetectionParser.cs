using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class AnomalyDetectionParser
{
    public static AnomalyDetectionModel Parse(ParseContext context, XElement element)
    {
        var innerElement = element.Elements().FirstOrDefault(e => ModelParser.IsModelElement(e.Name.LocalName));
        if (innerElement is null)
            context.Report(MarkupProblemKind.MissingElement, element, "AnomalyDetectionModel requires a model element");
        var model = new AnomalyDetectionModel
        {
            ElementName = "AnomalyDetectionModel",
            Function = ModelParser.Function(context, element),
            MiningSchema = ModelParser.ParseMiningSchema(context, element),
            Location = element.Where(),
            Algorithm = context.Enum(element, "algorithmType", AnomalyAlgorithm.Other),
            SampleDataSize = context.OptionalNumber(element, "sampleDataSize"),
            Inner = innerElement is null ? null : ModelParser.Parse(context, innerElement),
            MeanClusterDistances = element.Child("MeanClusterDistances")?.Child("Array") is { } distances ? [.. MatrixParser.Numbers(context, distances)] : [],
        };
        return ModelParser.WithCommon(context, element, model);
    }
}
