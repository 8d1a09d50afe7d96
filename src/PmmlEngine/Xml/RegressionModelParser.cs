using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class RegressionModelParser
{
    public static RegressionModel Parse(ParseContext context, XElement element)
    {
        var tables = element.Children("RegressionTable").Select(t => ParseTable(context, t)).ToImmutableArray();
        if (tables.IsEmpty)
            context.Report(MarkupProblemKind.MissingElement, element, "RegressionModel requires at least one RegressionTable");
        var model = new RegressionModel
        {
            ElementName = "RegressionModel",
            Function = ModelParser.Function(context, element),
            MiningSchema = ModelParser.ParseMiningSchema(context, element),
            Location = element.Where(),
            Tables = tables,
            Normalization = context.Enum(element, "normalizationMethod", RegressionNormalization.None),
        };
        if (model.Function == MiningFunction.Classification)
            foreach (var table in element.Children("RegressionTable"))
                if (table.Attribute("targetCategory") is null)
                    context.Report(MarkupProblemKind.MissingAttribute, table, "a classification RegressionTable requires attribute 'targetCategory'");
        return ModelParser.WithCommon(context, element, model);
    }

    private static RegressionTable ParseTable(ParseContext context, XElement table) => new(
        context.RequiredNumber(table, "intercept"),
        table.Attr("targetCategory"),
        table.Children("NumericPredictor")
            .Select(p => new NumericPredictor(context.Required(p, "name"), context.Number(p, "exponent", 1), context.RequiredNumber(p, "coefficient")))
            .ToImmutableArray(),
        table.Children("CategoricalPredictor")
            .Select(p => new CategoricalPredictor(context.Required(p, "name"), context.Required(p, "value"), context.RequiredNumber(p, "coefficient")))
            .ToImmutableArray(),
        table.Children("PredictorTerm")
            .Select(p => new PredictorTerm(p.Children("FieldRef").Select(f => context.Required(f, "field")).ToImmutableArray(),
                context.RequiredNumber(p, "coefficient")))
            .ToImmutableArray());
}
