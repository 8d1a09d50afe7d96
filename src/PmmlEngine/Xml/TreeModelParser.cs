using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
    /// built in reverse, every child before its parent. Built nodes wait on a stack, where a parent finds its children
    /// on top in document order (the listing takes later children first).
    /// </summary>
    private static TreeNode ParseNode(ParseContext context, XElement root)
    {
        var preorder = new List<(XElement Element, int Children)>();
        var pending = new Stack<XElement>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            var children = 0;
            for (var child = element.FirstChild(); child is not null; child = child.NextSibling())
            {
                if (child.Name.LocalName != "Node")
                    continue;
                pending.Push(child);
                children++;
            }
            preorder.Add((element, children));
        }
        var built = new List<TreeNode>();
        var distribution = new List<ScoreDistribution>();
        for (var i = preorder.Count - 1; i >= 0; i--)
        {
            var (element, count) = preorder[i];
            var children = ImmutableArray.Create(CollectionsMarshal.AsSpan(built)[^count..]);
            built.RemoveRange(built.Count - count, count);
            built.Add(ParseOne(context, element, children, distribution));
        }
        return built[0];
    }

    private static TreeNode ParseOne(ParseContext context, XElement node, ImmutableArray<TreeNode> children, List<ScoreDistribution> distribution)
    {
        distribution.Clear();
        for (var child = node.FirstChild(); child is not null; child = child.NextSibling())
        {
            switch (child.Name.LocalName)
            {
                case "Node":
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
            PredicateParser.ParseOf(context, node), children, ImmutableArray.Create(CollectionsMarshal.AsSpan(distribution)), node.Where());
    }
}
