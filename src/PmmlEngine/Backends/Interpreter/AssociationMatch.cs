using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// Which items one record holds, and from that which rules an OutputField reports: recommendation takes the rules whose
/// antecedent the record holds, exclusiveRecommendation those of them whose consequent it does not wholly hold,
/// ruleAssociation those whose antecedent and consequent it holds.
/// </summary>
internal sealed class AssociationMatch(AssociationPlan plan) : IRuleMatch
{
    private readonly bool[] _present = new bool[plan.Items.Length];

    public void Read(RowContext row)
    {
        var transaction = plan.TransactionSlot < 0 ? Value.Missing : row.Get(plan.TransactionSlot);
        var basket = transaction.Kind == ValueKind.Collection ? (IReadOnlyList<Value>)transaction.Payload! : transaction.HasValue ? [transaction] : [];
        for (var k = 0; k < _present.Length; k++)
        {
            var item = plan.Items[k];
            _present[k] = item.Slot >= 0 ? row.Get(item.Slot).Equals(item.Value) : Contains(basket, item.Value);
        }
    }

    public Value Report(RuleSelection selection, int rank) =>
        RuleRanking.Report(plan.Rules.Where(r => Applies(r, selection.Algorithm)), selection, rank);

    private bool Applies(AssociationRulePlan rule, AssociationAlgorithm algorithm) => algorithm switch
    {
        AssociationAlgorithm.Recommendation => Holds(rule.Antecedent),
        AssociationAlgorithm.ExclusiveRecommendation => Holds(rule.Antecedent) && !Holds(rule.Consequent),
        _ => Holds(rule.Antecedent) && Holds(rule.Consequent),
    };

    private bool Holds(int[] items)
    {
        foreach (var k in items)
            if (!_present[k])
                return false;
        return true;
    }

    private static bool Contains(IReadOnlyList<Value> basket, Value item)
    {
        foreach (var value in basket)
            if (value.Equals(item))
                return true;
        return false;
    }
}
