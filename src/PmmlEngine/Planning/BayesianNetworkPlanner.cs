using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

internal sealed class BayesianNetworkPlanner(ModelPlanner models)
{
    /// <summary>Exact inference enumerates the unobserved discrete states; beyond this many combinations it is refused.</summary>
    private const double MaxCombinations = 1 << 22;

    private PlanningContext Context => models.Context;

    public static IEnumerable<string> Categories(BayesianNetworkModel model, string? target) =>
        model.Nodes.Where(n => n.Name == target).SelectMany(n => n.Conditionals).SelectMany(c => c.Probabilities).Select(p => p.Value);

    public BayesianNetworkPlan Plan(BayesianNetworkModel model, Scope scope, TargetPlan target, int[] active)
    {
        var byName = model.Nodes.ToDictionary(n => n.Name, n => n);
        var order = TopologicalOrder(model, byName);
        var plans = new List<BayesianNodePlan>();
        var index = new Dictionary<string, int>();
        foreach (var node in order)
        {
            var slot = node.Name == target.FieldName ? -1 : scope.TryResolve(node.Name, out var s) ? s : -1;
            var states = node.Continuous ? [] : States(node, node.Name == target.FieldName ? target : null, slot);
            var parents = node.Conditionals.SelectMany(c => c.Parents.Select(p => p.Parent)).Distinct().ToArray();
            var parentIndexes = parents.Select(p => index.TryGetValue(p, out var k) ? k : -1).ToArray();
            if (parentIndexes.Any(k => k < 0 || plans[k].Continuous))
                Context.Error(MarkupProblemKind.UnsupportedElement, $"node '{node.Name}' has a continuous or unknown parent; parents must be discrete nodes", node.Location);
            var radix = parentIndexes.Select(k => k < 0 ? 1 : Math.Max(1, plans[k].States.Length)).ToArray();
            var configurations = radix.Aggregate(1, (a, b) => a * b);
            var probabilities = new double[node.Continuous ? 0 : configurations][];
            var distributions = new BayesianDistribution?[node.Continuous ? configurations : 0];
            foreach (var conditional in node.Conditionals)
            {
                var configuration = 0;
                for (var p = 0; p < parents.Length; p++)
                {
                    var given = conditional.Parents.FirstOrDefault(v => v.Parent == parents[p]).Value;
                    var state = given is null || parentIndexes[p] < 0 ? -1 : Array.IndexOf(plans[parentIndexes[p]].States, Context.Parse(given, TypeOf(plans[parentIndexes[p]]), node.Location));
                    if (state < 0)
                        Context.Error(MarkupProblemKind.InvalidElement, $"a conditional of node '{node.Name}' needs a known value of every parent ('{parents[p]}')", node.Location);
                    configuration = configuration * radix[p] + Math.Max(0, state);
                }
                if (node.Continuous)
                {
                    distributions[configuration] = conditional.Distribution;
                    continue;
                }
                var row = probabilities[configuration] = new double[states.Length];
                foreach (var (value, probability) in conditional.Probabilities)
                    if (Array.IndexOf(states, Context.Parse(value, TypeOf(states), node.Location)) is var k and >= 0)
                        row[k] = probability;
            }
            if (probabilities.Any(p => p is null) || distributions.Length > 0 && distributions.Any(d => d is null))
                Context.Error(MarkupProblemKind.InvalidElement, $"node '{node.Name}' needs a conditional for every combination of its parents' values", node.Location);
            index[node.Name] = plans.Count;
            plans.Add(new BayesianNodePlan(node.Name, slot, states, parentIndexes, probabilities, distributions));
        }
        foreach (var plan in plans.Where(p => p.Continuous))
            if (plans.Any(p => p.Parents.Contains(index[plan.Name])))
                Context.Error(MarkupProblemKind.UnsupportedElement, $"continuous node '{plan.Name}' has children; only continuous leaves are supported", model.Location);
        var targetNode = target.FieldName is { } name && index.TryGetValue(name, out var t) ? t : -1;
        if (targetNode < 0 || plans[targetNode].Continuous)
            Context.Error(MarkupProblemKind.InvalidElement, $"the target '{target.FieldName}' must be a discrete node of the network", model.Location);
        var combinations = plans.Where(p => !p.Continuous).Aggregate(1.0, (a, p) => a * p.States.Length);
        if (combinations > MaxCombinations)
            Context.Error(MarkupProblemKind.UnsupportedElement, $"the network has {combinations:G3} joint states, more than exact enumeration handles ({MaxCombinations})", model.Location);
        return new BayesianNetworkPlan { Element = model, Target = target, ActiveSlots = active, Nodes = plans.ToArray(), TargetNode = targetNode };
    }

    private static DataType TypeOf(BayesianNodePlan node) => TypeOf(node.States);

    private static DataType TypeOf(Value[] states) => states.Length > 0 && states[0].Kind == ValueKind.Number ? DataType.Double : DataType.String;

    /// <summary>The target's categories; a field's valid values; else the values the node's tables name, in document order.</summary>
    private Value[] States(BayesianNode node, TargetPlan? target, int slot)
    {
        if (target is not null)
            return target.Categories;
        if (slot >= 0 && Context.Slots[slot] is PreparedSlot { Domain.ValidValues.Count: > 0 } prepared)
            return prepared.Domain.ValidValues.ToArray();
        if (slot >= 0 && Context.Slots[slot] is InputSlot { Domain.ValidValues.Count: > 0 } input)
            return input.Domain.ValidValues.ToArray();
        var type = slot >= 0 ? Context.TypeOf(slot) : DataType.String;
        return node.Conditionals.SelectMany(c => c.Probabilities).Select(p => ValueParser.Parse(p.Value, type)).Distinct().ToArray();
    }

    private List<BayesianNode> TopologicalOrder(BayesianNetworkModel model, Dictionary<string, BayesianNode> byName)
    {
        var order = new List<BayesianNode>();
        var state = new Dictionary<string, int>();
        foreach (var root in model.Nodes)
        {
            // Iterative depth-first search: (node, next parent to visit).
            var stack = new Stack<(BayesianNode Node, int Next)>();
            if (state.GetValueOrDefault(root.Name) != 0)
                continue;
            stack.Push((root, 0));
            state[root.Name] = 1;
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var parents = node.Conditionals.SelectMany(c => c.Parents.Select(p => p.Parent)).Distinct().ToArray();
                if (next < parents.Length)
                {
                    stack.Push((node, next + 1));
                    if (!byName.TryGetValue(parents[next], out var parent))
                        continue;
                    if (state.GetValueOrDefault(parent.Name) == 1)
                        Context.Error(MarkupProblemKind.InvalidElement, $"the network has a cycle through node '{parent.Name}'", node.Location);
                    else if (state.GetValueOrDefault(parent.Name) == 0)
                    {
                        state[parent.Name] = 1;
                        stack.Push((parent, 0));
                    }
                    continue;
                }
                state[node.Name] = 2;
                order.Add(node);
            }
        }
        return order;
    }
}
