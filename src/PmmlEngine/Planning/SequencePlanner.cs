using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

internal sealed class SequencePlanner(ModelPlanner models)
{
    public SequencePlan Plan(SequenceModel model, Scope scope, TargetPlan target, int[] active)
    {
        var context = models.Context;
        if (active.Length != 1)
            context.Error(MarkupProblemKind.InvalidElement, $"a SequenceModel has one active field holding the items; found {active.Length}", model.Location);
        var slot = active.Length > 0 ? active[0] : -1;
        var type = slot >= 0 ? context.TypeOf(slot) : DataType.String;
        var sets = model.Sets.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First().Values.Select(v => context.Parse(v, type, model.Location)).ToArray());
        var sequences = new Dictionary<string, ItemSequence>(StringComparer.Ordinal);
        foreach (var sequence in model.Sequences)
        {
            var members = sequence.Sets.Select(id => sets.TryGetValue(id, out var set) ? set : Undefined(context, "SetReference", id, sequence.Location)).ToArray();
            if (sequence.Delimiters.Length != Math.Max(0, members.Length - 1))
                context.Error(MarkupProblemKind.InvalidElement, $"Sequence '{sequence.Id}' needs one Delimiter between each pair of sets", sequence.Location);
            sequences[sequence.Id] = new ItemSequence(members, [.. sequence.Delimiters]);
        }
        var rules = model.Rules.Select(rule =>
        {
            var antecedent = sequences.GetValueOrDefault(rule.Antecedent) ?? Missing(context, rule.Antecedent, rule.Location);
            var consequent = sequences.GetValueOrDefault(rule.Consequent) ?? Missing(context, rule.Consequent, rule.Location);
            static string Text(ItemSequence s) => "<" + string.Join(",", s.Sets.Select(set => "{" + string.Join(",", set) + "}")) + ">";
            static Value Items(ItemSequence s) => Value.OfCollection(s.Sets.SelectMany(set => set).ToArray());
            var report = new AssociationRulePlan([], [], rule.Support, rule.Confidence, rule.Lift, null, null, rule.Id,
                $"{Text(antecedent)}->{Text(consequent)}", Items(antecedent), Items(consequent));
            return new SequenceRulePlan(report, antecedent, rule.Delimiter, consequent);
        }).ToArray();
        return new SequencePlan { Element = model, Target = target, ActiveSlots = active, ItemSlot = slot, Rules = rules };
    }

    private static Value[] Undefined(PlanningContext context, string what, string id, SourceLocation location)
    {
        context.Error(MarkupProblemKind.InvalidAttribute, $"{what} refers to '{id}', which is no Itemset or SetPredicate", location);
        return [];
    }

    private static ItemSequence Missing(PlanningContext context, string id, SourceLocation location)
    {
        context.Error(MarkupProblemKind.InvalidAttribute, $"SequenceReference refers to '{id}', which is no Sequence", location);
        return new ItemSequence([], []);
    }
}
