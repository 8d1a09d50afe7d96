using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class BaselineModelParser
{
    public static BaselineModel Parse(ParseContext context, XElement element)
    {
        var tests = element.Child("TestDistributions");
        if (tests is null)
            context.Report(MarkupProblemKind.MissingElement, element, "BaselineModel requires TestDistributions");
        var baseline = tests?.Child("Baseline");
        var counts = baseline?.Child("CountTable") ?? baseline?.Child("NormalizedCountTable");
        var model = new BaselineModel
        {
            ElementName = "BaselineModel",
            Function = ModelParser.Function(context, element),
            MiningSchema = ModelParser.ParseMiningSchema(context, element),
            Location = element.Where(),
            Field = tests is null ? "" : context.Required(tests, "field"),
            Statistic = tests is null ? BaselineStatistic.ZValue : Statistic(context, tests),
            ResetValue = tests is null ? 0 : context.Number(tests, "resetValue", 0.0),
            Baseline = baseline is null ? null : Distribution(context, baseline),
            Alternate = tests?.Child("Alternate") is { } alternate ? Distribution(context, alternate) : null,
            ExpectedCounts = counts is null ? [] : counts.Children("FieldValueCount")
                .Select(c => (context.Required(c, "value"), context.RequiredNumber(c, "count"))).ToImmutableArray(),
        };
        return ModelParser.WithCommon(context, element, model);
    }

    // PMML spells CUSUM in capitals, so the generic enum reader does not apply.
    private static readonly Dictionary<string, BaselineStatistic> Statistics = new(StringComparer.Ordinal)
    {
        ["zValue"] = BaselineStatistic.ZValue,
        ["chiSquareIndependence"] = BaselineStatistic.ChiSquareIndependence,
        ["chiSquareDistribution"] = BaselineStatistic.ChiSquareDistribution,
        ["CUSUM"] = BaselineStatistic.Cusum,
        ["scalarProduct"] = BaselineStatistic.ScalarProduct,
    };

    private static BaselineStatistic Statistic(ParseContext context, XElement tests)
    {
        var text = tests.Attr("testStatistic");
        if (text is not null && Statistics.TryGetValue(text, out var statistic))
            return statistic;
        context.Report(MarkupProblemKind.InvalidAttribute, tests, $"testStatistic '{text}' is not one of {string.Join(", ", Statistics.Keys)}");
        return BaselineStatistic.ZValue;
    }

    private static BaselineDistribution? Distribution(ParseContext context, XElement holder)
    {
        var element = holder.Elements().FirstOrDefault(e => e.Name.LocalName is "GaussianDistribution" or "PoissonDistribution" or "UniformDistribution" or "AnyDistribution");
        return element?.Name.LocalName switch
        {
            "GaussianDistribution" => new(BaselineDistributionType.Gaussian, context.RequiredNumber(element, "mean"), context.RequiredNumber(element, "variance"), 0, 0),
            "AnyDistribution" => new(BaselineDistributionType.Any, context.RequiredNumber(element, "mean"), context.RequiredNumber(element, "variance"), 0, 0),
            "PoissonDistribution" => new(BaselineDistributionType.Poisson, context.RequiredNumber(element, "mean"), 0, 0, 0),
            "UniformDistribution" => new(BaselineDistributionType.Uniform, 0, 0, context.RequiredNumber(element, "lower"), context.RequiredNumber(element, "upper")),
            _ => null,
        };
    }
}
