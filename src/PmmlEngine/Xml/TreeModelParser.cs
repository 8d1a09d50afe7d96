using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class TreeModelParser
{
    public static TreeModel Parse(ParseContext context, XElement element)
    {
        var rootElement = element.Child("Node");
        if (rootElement is null)
            context.Report(MarkupProblemKind.MissingElement, element, "TreeModel requires a root Node");
        var model = new TreeModel
        {
            ElementName = "TreeModel",
            Function = ModelParser.Function(context, element),
            MiningSchema = ModelParser.ParseMiningSchema(context, element),
            Location = element.Where(),
            Root = rootElement is null
                ? new TreeNode(null, null, null, null, new ConstantPredicate(true, element.Where()), [], [], element.Where())
                : ParseNode(context, rootElement),
            MissingValueStrategy = context.Enum(element, "missingValueStrategy", MissingValueStrategy.None),
            MissingValuePenalty = context.Number(element, "missingValuePenalty", 1.0),
            NoTrueChildStrategy = context.Enum(element, "noTrueChildStrategy", NoTrueChildStrategy.ReturnNullPrediction),
        };
        return ModelParser.WithCommon(context, element, model);
    }

    private static TreeNode ParseNode(ParseContext context, XElement node)
    {
        var children = ImmutableArray.CreateBuilder<TreeNode>();
        var distribution = ImmutableArray.CreateBuilder<ScoreDistribution>();
        foreach (var child in node.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "Node":
                    children.Add(ParseNode(context, child));
                    break;
                case "ScoreDistribution":
                    distribution.Add(ModelParser.ParseScoreDistribution(context, child));
                    break;
                default:
                    if (ModelParser.IsModelElement(child.Name.LocalName))
                        context.Report(MarkupProblemKind.UnsupportedElement, child, "models embedded in tree nodes are not supported");
                    break;
            }
        }
        return new TreeNode(node.Attr("id"), node.Attr("score"), context.OptionalNumber(node, "recordCount"), node.Attr("defaultChild"),
            PredicateParser.ParseOf(context, node), children.ToImmutable(), distribution.ToImmutable(), node.Where());
    }
}
