using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class RuleSetModelParser
{
    public static RuleSetModel Parse(ParseContext context, XElement element)
    {
        var ruleSet = element.Child("RuleSet");
        if (ruleSet is null)
            context.Report(MarkupProblemKind.MissingElement, element, "RuleSetModel requires a RuleSet");
        // PMML 4.4: the first RuleSelectionMethod is the one a consumer applies.
        var method = ruleSet?.Child("RuleSelectionMethod");
        if (ruleSet is not null && method is null)
            context.Report(MarkupProblemKind.MissingElement, ruleSet, "RuleSet requires a RuleSelectionMethod");
        var model = new RuleSetModel
        {
            ElementName = "RuleSetModel",
            Function = ModelParser.Function(context, element),
            MiningSchema = ModelParser.ParseMiningSchema(context, element),
            Location = element.Where(),
            Criterion = method is null ? RuleSelectionCriterion.FirstHit : context.Enum(method, "criterion", RuleSelectionCriterion.FirstHit),
            Rules = ruleSet is null ? [] : ParseRules(context, ruleSet),
            DefaultScore = ruleSet?.Attr("defaultScore"),
            DefaultConfidence = ruleSet is null ? null : context.OptionalNumber(ruleSet, "defaultConfidence"),
        };
        return ModelParser.WithCommon(context, element, model);
    }

    private static ImmutableArray<Rule> ParseRules(ParseContext context, XElement parent)
    {
        var rules = ImmutableArray.CreateBuilder<Rule>();
        foreach (var child in parent.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "SimpleRule":
                    var distribution = child.Children("ScoreDistribution").Select(d => ModelParser.ParseScoreDistribution(context, d)).ToImmutableArray();
                    rules.Add(new SimpleRule(child.Attr("id"), context.Required(child, "score"), context.Number(child, "confidence", 1.0),
                        context.Number(child, "weight", 1.0), distribution, PredicateParser.ParseOf(context, child), child.Where()));
                    break;
                case "CompoundRule":
                    rules.Add(new CompoundRule(ParseRules(context, child), PredicateParser.ParseOf(context, child), child.Where()));
                    break;
            }
        }
        return rules.ToImmutable();
    }
}
