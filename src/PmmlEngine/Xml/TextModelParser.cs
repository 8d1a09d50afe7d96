using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class TextModelParser
{
    public static TextModel Parse(ParseContext context, XElement element)
    {
        var dictionary = element.Child("TextDictionary")?.Child("Array");
        var matrix = element.Child("DocumentTermMatrix")?.Child("Matrix");
        if (dictionary is null)
            context.Report(MarkupProblemKind.MissingElement, element, "TextModel requires a TextDictionary with an Array of terms");
        if (matrix is null)
            context.Report(MarkupProblemKind.MissingElement, element, "TextModel requires a DocumentTermMatrix");
        var normalization = element.Child("TextModelNormalization");
        // PMML spells the element TextModelSimiliarity; the correct spelling is accepted too.
        var similarity = element.Child("TextModelSimiliarity") ?? element.Child("TextModelSimilarity");
        var model = new TextModel
        {
            ElementName = "TextModel",
            Function = ModelParser.Function(context, element),
            MiningSchema = ModelParser.ParseMiningSchema(context, element),
            Location = element.Where(),
            Terms = dictionary is null ? [] : ArrayParser.ParseStrings(context, dictionary),
            Documents = (element.Child("TextCorpus")?.Children("TextDocument") ?? []).Select(d => (context.Required(d, "id"), d.Attr("name"))).ToImmutableArray(),
            DocumentTerms = matrix is null ? [] : MatrixParser.Parse(context, matrix),
            LocalWeights = normalization is null ? LocalTermWeights.TermFrequency : context.Enum(normalization, "localTermWeights", LocalTermWeights.TermFrequency),
            GlobalWeights = normalization?.Attr("globalTermWeights") switch
            {
                null or "inverseDocumentFrequency" => TextGlobalWeights.InverseDocumentFrequency,
                "none" => TextGlobalWeights.None,
                "GFIDF" => TextGlobalWeights.Gfidf,
                "normal" => TextGlobalWeights.Normal,
                "probabilisticInverse" => TextGlobalWeights.ProbabilisticInverse,
                var other => Invalid(context, normalization, other),
            },
            CosineNormalization = normalization?.Attr("documentNormalization") != "none",
            CosineSimilarity = similarity?.Attr("similarityType") != "euclidean",
        };
        return ModelParser.WithCommon(context, element, model);
    }

    private static TextGlobalWeights Invalid(ParseContext context, XElement element, string value)
    {
        context.Report(MarkupProblemKind.InvalidAttribute, element, $"globalTermWeights '{value}' is not one of inverseDocumentFrequency, none, GFIDF, normal, probabilisticInverse");
        return TextGlobalWeights.None;
    }
}
