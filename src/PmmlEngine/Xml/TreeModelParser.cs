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

    /// <summary>
    /// Builds the node tree without recursion, so any depth parses: Node elements are listed parent before child, then
    /// built in reverse, every child before its parent.
    /// </summary>
    private static TreeNode ParseNode(ParseContext context, XElement root)
    {
        var preorder = new List<XElement>();
        var pending = new Stack<XElement>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            preorder.Add(element);
            foreach (var child in element.Children("Node"))
                pending.Push(child);
        }
        var built = new Dictionary<XElement, TreeNode>(ReferenceEqualityComparer.Instance);
        for (var i = preorder.Count - 1; i >= 0; i--)
            built[preorder[i]] = ParseOne(context, preorder[i], built);
        return built[root];
    }

    private static TreeNode ParseOne(ParseContext context, XElement node, Dictionary<XElement, TreeNode> built)
    {
        var children = ImmutableArray.CreateBuilder<TreeNode>();
        var distribution = ImmutableArray.CreateBuilder<ScoreDistribution>();
        foreach (var child in node.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "Node":
                    children.Add(built[child]);
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
