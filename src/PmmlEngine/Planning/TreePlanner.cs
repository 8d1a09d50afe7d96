using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

internal sealed class TreePlanner(ModelPlanner models)
{
    /// <summary>Category labels a tree uses, in document order: scores and ScoreDistribution values.</summary>
    public static IEnumerable<string> Categories(TreeModel tree)
    {
        var pending = new Stack<TreeNode>();
        pending.Push(tree.Root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node.Score is not null)
                yield return node.Score;
            foreach (var d in node.Distribution)
                yield return d.Value;
            for (var i = node.Children.Length - 1; i >= 0; i--)
                pending.Push(node.Children[i]);
        }
    }

    public TreePlan Plan(TreeModel tree, Scope scope, TargetPlan target, int[] active) => new()
    {
        Element = tree,
        Target = target,
        ActiveSlots = active,
        Root = PlanNodes(tree, scope, target),
        MissingValueStrategy = tree.MissingValueStrategy,
        MissingValuePenalty = tree.MissingValuePenalty,
        NoTrueChildStrategy = tree.NoTrueChildStrategy,
    };

    /// <summary>
    /// Plans every node parent before child (the order a recursive walk would report problems in) without recursion,
    /// then links them in reverse, every child before its parent: linked plans wait on a stack, where a parent finds its
    /// children on top in document order. Any depth plans. Default children are resolved parent before child again.
    /// </summary>
    private TreeNodePlan PlanNodes(TreeModel tree, Scope scope, TargetPlan target)
    {
        var order = new List<(TreeNode Node, TreeNodePlan Plan)>();
        var pending = new Stack<TreeNode>();
        pending.Push(tree.Root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            order.Add((node, PlanNode(tree, node, scope, target)));
            for (var i = node.Children.Length - 1; i >= 0; i--)
                pending.Push(node.Children[i]);
        }
        var linked = new Stack<TreeNodePlan>();
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var (node, plan) = order[i];
            var children = node.Children.Length == 0 ? [] : new TreeNodePlan[node.Children.Length];
            for (var c = 0; c < children.Length; c++)
                children[c] = linked.Pop();
            plan.Children = children;
            linked.Push(plan);
        }
        foreach (var (node, plan) in order)
            ResolveDefaultChild(node, plan);
        return linked.Pop();
    }

    private TreeNodePlan PlanNode(TreeModel tree, TreeNode node, Scope scope, TargetPlan target)
    {
        var isFloat = tree.MathContext == MathContext.Float;
        var classification = tree.Function == MiningFunction.Classification;
        double[]? counts = null, probabilities = null, confidences = null;
        if (classification && node.Distribution.Length > 0)
        {
            (counts, probabilities, confidences) = AlignedDistribution.Align(node.Distribution, target);
        }
        var score = node.Score is null
            ? Value.Missing
            : classification
                ? models.Context.Parse(node.Score, target.DataType, node.Location)
                : models.Context.Parse(node.Score, isFloat ? DataType.Float : DataType.Double, node.Location);
        // A classification node without a score predicts its most probable category.
        if (score.IsMissing && probabilities is not null)
            score = target.Categories[Array.IndexOf(probabilities, probabilities.Max())];

        var plan = new TreeNodePlan
        {
            Id = node.Id,
            Predicate = models.Predicates.Plan(node.Predicate, scope, isFloat),
            Score = score,
            RecordCount = node.RecordCount ?? counts?.Sum() ?? 0,
            RecordCounts = counts,
            Probabilities = probabilities,
            Confidences = confidences,
        };
        return plan;
    }

    private void ResolveDefaultChild(TreeNode node, TreeNodePlan plan)
    {
        if (node.DefaultChild is { } defaultChild)
        {
            plan.DefaultChild = Array.FindIndex(plan.Children, c => c.Id == defaultChild);
            if (plan.DefaultChild < 0)
                models.Context.Error(MarkupProblemKind.InvalidAttribute, $"defaultChild '{defaultChild}' is not the id of a child node", node.Location);
        }
    }
}
