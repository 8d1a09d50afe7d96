using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class SequenceModelParser
{
    public static SequenceModel Parse(ParseContext context, XElement element)
    {
        var items = element.Children("Item").Select(i => new AssociationItem(context.Required(i, "id"), context.Required(i, "value"),
            i.Attr("field"), i.Attr("category"), i.Attr("mappedValue"))).ToImmutableArray();
        var values = items.ToDictionary(i => i.Id, i => i.Value);
        var itemsets = element.Children("Itemset").Select(s => (context.Required(s, "id"),
            s.Children("ItemRef").Select(r => values.GetValueOrDefault(context.Required(r, "itemRef")) ?? r.Attr("itemRef")!).ToImmutableArray()));
        var predicates = element.Children("SetPredicate").Select(p => (context.Required(p, "id"),
            p.Child("Array") is { } array ? ArrayParser.ParseStrings(context, array) : ImmutableArray<string>.Empty));
        var model = new SequenceModel
        {
            ElementName = "SequenceModel",
            Function = ModelParser.Function(context, element),
            MiningSchema = ModelParser.ParseMiningSchema(context, element),
            Location = element.Where(),
            Items = items,
            Sets = [.. itemsets.Concat(predicates)],
            Sequences = element.Children("Sequence").Select(s => new SequenceDefinition(context.Required(s, "id"),
                s.Children("SetReference").Select(r => context.Required(r, "setId")).ToImmutableArray(),
                s.Children("Delimiter").Select(d => Delimiter(context, d)).ToImmutableArray(), s.Where())).ToImmutableArray(),
            Rules = element.Children("SequenceRule").Select(r => Rule(context, r)).ToImmutableArray(),
        };
        return ModelParser.WithCommon(context, element, model);
    }

    private static SequenceRule Rule(ParseContext context, XElement rule)
    {
        string Reference(string holder)
        {
            if (rule.Child(holder)?.Child("SequenceReference") is { } reference)
                return context.Required(reference, "seqId");
            context.Report(MarkupProblemKind.MissingElement, rule, $"SequenceRule requires {holder} with a SequenceReference");
            return "";
        }
        return new SequenceRule(context.Required(rule, "id"), Reference("AntecedentSequence"),
            rule.Child("Delimiter") is { } delimiter ? Delimiter(context, delimiter) : new SequenceDelimiter(true, null),
            Reference("ConsequentSequence"), context.RequiredNumber(rule, "support"), context.RequiredNumber(rule, "confidence"),
            context.OptionalNumber(rule, "lift"), rule.Where());
    }

    private static SequenceDelimiter Delimiter(ParseContext context, XElement delimiter) => new(
        context.Required(delimiter, "delimiter") != "sameTimeWindow",
        delimiter.Attr("gap") switch { "true" => true, "false" => false, _ => null });
}
