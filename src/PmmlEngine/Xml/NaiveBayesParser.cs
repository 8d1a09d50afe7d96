using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class NaiveBayesParser
{
    public static NaiveBayesModel Parse(ParseContext context, XElement element)
    {
        var inputs = element.Child("BayesInputs");
        var output = element.Child("BayesOutput");
        if (inputs is null)
            context.Report(MarkupProblemKind.MissingElement, element, "NaiveBayesModel requires BayesInputs");
        if (output is null)
            context.Report(MarkupProblemKind.MissingElement, element, "NaiveBayesModel requires a BayesOutput");
        // Old R exports (PMML 4.1 and before) wrap continuous BayesInputs in an Extension.
        var bayesInputs = (inputs?.Children("BayesInput") ?? [])
            .Concat(inputs?.Children("Extension").SelectMany(e => e.Children("BayesInput")) ?? []);
        var model = new NaiveBayesModel
        {
            ElementName = "NaiveBayesModel",
            Function = ModelParser.Function(context, element),
            MiningSchema = ModelParser.ParseMiningSchema(context, element),
            Location = element.Where(),
            Threshold = context.RequiredNumber(element, "threshold"),
            Inputs = bayesInputs.Select(i => ParseInput(context, i)).ToImmutableArray(),
            TargetCounts = output?.Child("TargetValueCounts") is { } counts ? Counts(context, counts) : [],
        };
        return ModelParser.WithCommon(context, element, model);
    }

    private static BayesInput ParseInput(ParseContext context, XElement input)
    {
        var field = context.Required(input, "fieldName");
        var stats = (input.Child("TargetValueStats")?.Children("TargetValueStat") ?? []).Select(s =>
            (context.Required(s, "value"), Distribution(context, s))).ToImmutableArray();
        return new BayesInput(field,
            input.Child("DerivedField") is { } derived ? DictionaryParser.ParseDerivedField(context, derived, derived.Attr("name") ?? $"binned {field}") : null,
            input.Children("PairCounts").Select(p => (context.Required(p, "value"),
                p.Child("TargetValueCounts") is { } counts ? Counts(context, counts) : [])).ToImmutableArray(),
            stats, input.Where());
    }

    private static BayesDistribution Distribution(ParseContext context, XElement stat)
    {
        if (stat.Child("GaussianDistribution") is { } gaussian)
            return new BayesDistribution(false, context.RequiredNumber(gaussian, "mean"), context.RequiredNumber(gaussian, "variance"));
        if (stat.Child("PoissonDistribution") is { } poisson)
            return new BayesDistribution(true, context.RequiredNumber(poisson, "mean"), 0);
        context.Report(MarkupProblemKind.UnsupportedElement, stat, "a NaiveBayes TargetValueStat needs a GaussianDistribution or a PoissonDistribution");
        return new BayesDistribution(false, 0, 1);
    }

    private static ImmutableArray<(string, double)> Counts(ParseContext context, XElement counts) =>
        counts.Children("TargetValueCount").Select(c => (context.Required(c, "value"), context.RequiredNumber(c, "count"))).ToImmutableArray();
}
