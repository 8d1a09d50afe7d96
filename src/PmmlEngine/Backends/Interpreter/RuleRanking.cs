using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// Association and sequence rule outputs: the applicable rules ranked by the output's rank basis (rules without that
/// measure last, equal ones in document order), and the requested feature of the rule at the output's rank (or of the
/// top rules, for a multi-valued output).
/// </summary>
internal static class RuleRanking
{
    public static Value Report(IEnumerable<AssociationRulePlan> applicable, RuleSelection selection, int rank)
    {
        var ranked = applicable.Select((rule, order) => (rule, order))
            .OrderBy(x => x.rule.Measure(selection.RankBasis) is null ? 1 : 0)
            .ThenBy(x => (selection.Ascending ? 1 : -1) * (x.rule.Measure(selection.RankBasis) ?? 0))
            .ThenBy(x => x.order)
            .Select(x => x.rule);
        if (selection.IsMultiValued)
            return Value.OfCollection(ranked.Take(rank).Select(r => Feature(r, selection.Feature)).ToArray());
        return ranked.Skip(rank - 1).FirstOrDefault() is { } chosen ? Feature(chosen, selection.Feature) : Value.Missing;
    }

    private static Value Feature(AssociationRulePlan rule, RuleFeature feature) => feature switch
    {
        RuleFeature.Antecedent => rule.AntecedentValues,
        RuleFeature.Consequent => rule.ConsequentValues,
        RuleFeature.Rule => Value.Of(rule.Text),
        RuleFeature.RuleId => Value.Of(rule.Id),
        _ => rule.Measure(feature) is { } measure ? Value.Of(measure) : Value.Missing,
    };
}
