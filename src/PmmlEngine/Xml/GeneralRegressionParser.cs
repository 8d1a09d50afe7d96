using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class GeneralRegressionParser
{
    public static GeneralRegressionModel Parse(ParseContext context, XElement element)
    {
        var model = new GeneralRegressionModel
        {
            ElementName = "GeneralRegressionModel",
            Function = ModelParser.Function(context, element),
            MiningSchema = ModelParser.ParseMiningSchema(context, element),
            Location = element.Where(),
            ModelType = ModelType(context, element),
            TargetReferenceCategory = element.Attr("targetReferenceCategory"),
            Link = context.OptionalEnum<GlmLink>(element, "linkFunction"),
            LinkParameter = context.OptionalNumber(element, "linkParameter"),
            DistParameter = context.OptionalNumber(element, "distParameter"),
            CumulativeLink = context.OptionalEnum<CumulativeLink>(element, "cumulativeLink"),
            OffsetVariable = element.Attr("offsetVariable"),
            OffsetValue = context.OptionalNumber(element, "offsetValue"),
            TrialsVariable = element.Attr("trialsVariable"),
            TrialsValue = context.OptionalNumber(element, "trialsValue"),
            Parameters = (element.Child("ParameterList")?.Children("Parameter") ?? []).Select(p => context.Required(p, "name")).ToImmutableArray(),
            Factors = Predictors(context, element, "FactorList"),
            Covariates = Predictors(context, element, "CovariateList"),
            PPMatrix = (element.Child("PPMatrix")?.Children("PPCell") ?? []).Select(c => new PPCell(context.Required(c, "value"),
                context.Required(c, "predictorName"), context.Required(c, "parameterName"), c.Attr("targetCategory"), c.Where())).ToImmutableArray(),
            ParamMatrix = (element.Child("ParamMatrix")?.Children("PCell") ?? []).Select(c => new PCell(c.Attr("targetCategory"),
                context.Required(c, "parameterName"), context.RequiredNumber(c, "beta"), c.Where())).ToImmutableArray(),
            ContrastMatrices = (element.Child("FactorList")?.Children("Predictor") ?? []).Where(p => p.Child("Matrix") is not null)
                .Select(p => (context.Required(p, "name"),
                    (p.Child("Categories")?.Children("Category") ?? []).Select(c => context.Required(c, "value")).ToImmutableArray(),
                    MatrixParser.Parse(context, p.Child("Matrix")!))).ToImmutableArray(),
            ReferencePoints = (element.Child("ParameterList")?.Children("Parameter") ?? []).Select(p => context.Number(p, "referencePoint", 0.0)).ToImmutableArray(),
            EndTimeVariable = element.Attr("endTimeVariable"),
            BaselineStrataVariable = element.Attr("baselineStrataVariable"),
            Baselines = Baselines(context, element.Child("BaseCumHazardTables")),
            Covariances = (element.Child("PCovMatrix")?.Children("PCovCell") ?? []).Select(c =>
                (context.Required(c, "pRow"), context.Required(c, "pCol"), context.RequiredNumber(c, "value"))).ToImmutableArray(),
        };
        return ModelParser.WithCommon(context, element, model);
    }

    /// <summary>BaselineStratum elements, or the unstratified BaselineCells directly under the table.</summary>
    private static ImmutableArray<CoxBaseline> Baselines(ParseContext context, XElement? tables)
    {
        if (tables is null)
            return [];
        static ImmutableArray<(double, double)> Cells(ParseContext context, XElement holder) =>
            holder.Children("BaselineCell").Select(c => (context.RequiredNumber(c, "time"), context.RequiredNumber(c, "cumHazard"))).OrderBy(c => c.Item1).ToImmutableArray();
        var strata = tables.Children("BaselineStratum").Select(s => new CoxBaseline(context.Required(s, "value"), context.RequiredNumber(s, "maxTime"), Cells(context, s)));
        return tables.Child("BaselineStratum") is null
            ? [new CoxBaseline(null, context.RequiredNumber(tables, "maxTime"), Cells(context, tables))]
            : strata.ToImmutableArray();
    }

    private static ImmutableArray<string> Predictors(ParseContext context, XElement element, string list) =>
        (element.Child(list)?.Children("Predictor") ?? []).Select(p => context.Required(p, "name")).ToImmutableArray();

    // PMML spells one member with a capital (CoxRegression), so the generic enum reader does not apply.
    private static GeneralRegressionType ModelType(ParseContext context, XElement element)
    {
        var attribute = element.Attribute("modelType");
        if (attribute is null)
        {
            context.Report(MarkupProblemKind.MissingAttribute, element, "GeneralRegressionModel requires attribute 'modelType'");
            return GeneralRegressionType.Regression;
        }
        var names = Enum.GetValues<GeneralRegressionType>().ToDictionary(
            t => t == GeneralRegressionType.CoxRegression ? "CoxRegression" : char.ToLowerInvariant(t.ToString()[0]) + t.ToString()[1..]);
        if (names.TryGetValue(attribute.Value, out var type))
            return type;
        context.Report(MarkupProblemKind.InvalidAttribute, attribute, $"'{attribute.Value}' is not one of {string.Join(", ", names.Keys)}");
        return GeneralRegressionType.Regression;
    }
}
