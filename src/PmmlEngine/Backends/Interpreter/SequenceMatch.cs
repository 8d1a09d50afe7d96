using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// Which sequence rules a record's transactions (in order) satisfy. A sequence occurs when its sets can be found in
/// transactions, each set wholly inside one transaction, in order: acrossTimeWindows in a later transaction (gap false:
/// the very next; gap true: not the next), sameTimeWindow in the same one. recommendation takes the rules whose
/// antecedent occurs; exclusiveRecommendation those of them whose consequent does not occur after it; ruleAssociation
/// those whose antecedent is followed by their consequent.
/// </summary>
internal sealed class SequenceMatch(SequencePlan plan) : IRuleMatch
{
    private IReadOnlyList<Value>[] _transactions = [];

    public void Read(RowContext row)
    {
        var value = row.Get(plan.ItemSlot);
        IReadOnlyList<Value> sequence = value.Kind == ValueKind.Collection ? (IReadOnlyList<Value>)value.Payload! : value.HasValue ? [value] : [];
        _transactions = sequence.Select(t => t.Kind == ValueKind.Collection ? (IReadOnlyList<Value>)t.Payload! : [t]).ToArray();
    }

    public Value Report(RuleSelection selection, int rank) =>
        RuleRanking.Report(plan.Rules.Where(r => Applies(r, selection.Algorithm)).Select(r => r.Report), selection, rank);

    private bool Applies(SequenceRulePlan rule, AssociationAlgorithm algorithm)
    {
        var end = Find(rule.Antecedent, 0, -1, null);
        if (end < 0)
            return false;
        return algorithm switch
        {
            AssociationAlgorithm.Recommendation => true,
            AssociationAlgorithm.ExclusiveRecommendation => Find(rule.Consequent, 0, end, rule.Delimiter) < 0,
            _ => Find(rule.Consequent, 0, end, rule.Delimiter) >= 0,
        };
    }

    /// <summary>
    /// The transaction where <paramref name="sequence"/>'s set <paramref name="set"/> onward ends, placing that set
    /// after transaction <paramref name="previous"/> as <paramref name="delimiter"/> allows (-1 for none); -1 when it
    /// cannot occur. Backtracks, so the earliest placement never hides a later one that works.
    /// </summary>
    private int Find(ItemSequence sequence, int set, int previous, SequenceDelimiter? delimiter)
    {
        if (set == sequence.Sets.Length)
            return previous;
        var (first, last) = delimiter switch
        {
            null => (0, _transactions.Length - 1),
            { AcrossTimeWindows: false } => (previous, previous),
            { Gap: false } => (previous + 1, previous + 1),
            { Gap: true } => (previous + 2, _transactions.Length - 1),
            _ => (previous + 1, _transactions.Length - 1),
        };
        for (var t = Math.Max(0, first); t <= Math.Min(last, _transactions.Length - 1); t++)
        {
            if (!Contains(_transactions[t], sequence.Sets[set]))
                continue;
            var end = Find(sequence, set + 1, t, set + 1 < sequence.Sets.Length ? sequence.Delimiters[set] : null);
            if (end >= 0)
                return end;
        }
        return -1;
    }

    private static bool Contains(IReadOnlyList<Value> transaction, Value[] set)
    {
        foreach (var item in set)
        {
            var found = false;
            foreach (var value in transaction)
                found |= value.Equals(item);
            if (!found)
                return false;
        }
        return true;
    }
}
