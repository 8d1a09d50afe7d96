using System.Globalization;
using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

internal sealed class AssociationPlanner(ModelPlanner models)
{
    private PlanningContext Context => models.Context;

    public AssociationPlan Plan(AssociationModel model, Scope scope, TargetPlan target, int[] active)
    {
        var transactional = model.Items.Any(i => i.Field is null);
        if (transactional && active.Length != 1)
            Context.Error(MarkupProblemKind.InvalidElement,
                $"a transactional AssociationModel has one active field holding the items, found {active.Length}", model.Location);
        var transaction = transactional && active.Length > 0 ? active[0] : -1;
        var items = new Dictionary<string, int>(StringComparer.Ordinal);
        var itemPlans = new List<AssociationItemPlan>();
        foreach (var item in model.Items)
        {
            if (!items.TryAdd(item.Id, itemPlans.Count))
                Context.Error(MarkupProblemKind.InvalidElement, $"Item id '{item.Id}' is used twice", model.Location);
            var slot = item.Field is null ? -1 : Context.Resolve(scope, item.Field, model.Location, "Item field");
            var type = slot >= 0 ? Context.TypeOf(slot) : transaction >= 0 ? Context.TypeOf(transaction) : DataType.String;
            itemPlans.Add(new AssociationItemPlan(slot, Context.Parse(item.Category ?? item.Value, type, model.Location), item.MappedValue ?? item.Value));
        }
        var itemsets = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (id, refs) in model.Itemsets)
            itemsets[id] = refs.Select(r => items.TryGetValue(r, out var k) ? k : Undefined("ItemRef", r, model.Location)).Where(k => k >= 0).ToArray();

        var rules = model.Rules.Select((rule, index) =>
        {
            var antecedent = itemsets.GetValueOrDefault(rule.Antecedent) ?? Missing(rule.Antecedent, rule.Location);
            var consequent = itemsets.GetValueOrDefault(rule.Consequent) ?? Missing(rule.Consequent, rule.Location);
            string Names(int[] set) => "{" + string.Join(",", set.Select(k => itemPlans[k].Display)) + "}";
            Value Collection(int[] set) => Value.OfCollection(set.Select(k => Value.Of(itemPlans[k].Display)).ToArray());
            return new AssociationRulePlan(antecedent, consequent, rule.Support, rule.Confidence, rule.Lift, rule.Leverage, rule.Affinity,
                rule.Id ?? (index + 1).ToString(CultureInfo.InvariantCulture), $"{Names(antecedent)}->{Names(consequent)}",
                Collection(antecedent), Collection(consequent));
        }).ToArray();
        return new AssociationPlan
        {
            Element = model,
            Target = target,
            ActiveSlots = active,
            TransactionSlot = transaction,
            Items = itemPlans.ToArray(),
            Rules = rules,
        };
    }

    private int Undefined(string what, string id, SourceLocation location)
    {
        Context.Error(MarkupProblemKind.InvalidAttribute, $"{what} refers to '{id}', which is not defined", location);
        return -1;
    }

    private int[] Missing(string itemset, SourceLocation location)
    {
        Undefined("AssociationRule", itemset, location);
        return [];
    }
}
