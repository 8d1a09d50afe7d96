using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class AssociationModelParser
{
    public static AssociationModel Parse(ParseContext context, XElement element)
    {
        var model = new AssociationModel
        {
            ElementName = "AssociationModel",
            Function = ModelParser.Function(context, element),
            MiningSchema = ModelParser.ParseMiningSchema(context, element),
            Location = element.Where(),
            Items = element.Children("Item").Select(i => new AssociationItem(context.Required(i, "id"), context.Required(i, "value"),
                i.Attr("field"), i.Attr("category"), i.Attr("mappedValue"))).ToImmutableArray(),
            Itemsets = element.Children("Itemset").Select(s => (context.Required(s, "id"),
                s.Children("ItemRef").Select(r => context.Required(r, "itemRef")).ToImmutableArray())).ToImmutableArray(),
            Rules = element.Children("AssociationRule").Select(r => new AssociationRule(context.Required(r, "antecedent"),
                context.Required(r, "consequent"), context.RequiredNumber(r, "support"), context.RequiredNumber(r, "confidence"),
                context.OptionalNumber(r, "lift"), context.OptionalNumber(r, "leverage"), context.OptionalNumber(r, "affinity"), r.Attr("id"),
                r.Where())).ToImmutableArray(),
        };
        return ModelParser.WithCommon(context, element, model);
    }
}
