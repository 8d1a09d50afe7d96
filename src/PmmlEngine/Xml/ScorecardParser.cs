using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class ScorecardParser
{
    public static Scorecard Parse(ParseContext context, XElement element)
    {
        var characteristics = element.Child("Characteristics");
        if (characteristics is null)
            context.Report(MarkupProblemKind.MissingElement, element, "Scorecard requires Characteristics");
        var model = new Scorecard
        {
            ElementName = "Scorecard",
            Function = ModelParser.Function(context, element),
            MiningSchema = ModelParser.ParseMiningSchema(context, element),
            Location = element.Where(),
            InitialScore = context.Number(element, "initialScore", 0.0),
            UseReasonCodes = context.Boolean(element, "useReasonCodes", true),
            ReasonCodeAlgorithm = context.Enum(element, "reasonCodeAlgorithm", ReasonCodeAlgorithm.PointsBelow),
            BaselineScore = context.OptionalNumber(element, "baselineScore"),
            Characteristics = (characteristics?.Children("Characteristic") ?? []).Select(c => new Characteristic(
                c.Attr("name"), c.Attr("reasonCode"), context.OptionalNumber(c, "baselineScore"),
                c.Children("Attribute").Select(a => new ScorecardAttribute(a.Attr("reasonCode"), context.OptionalNumber(a, "partialScore"),
                    a.Child("ComplexPartialScore") is { } complex ? ExpressionParser.ParseSingle(context, complex) : null,
                    PredicateParser.ParseOf(context, a), a.Where())).ToImmutableArray(),
                c.Where())).ToImmutableArray(),
        };
        return ModelParser.WithCommon(context, element, model);
    }
}
