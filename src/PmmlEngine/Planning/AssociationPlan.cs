using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>
/// An AssociationModel: how each item is recognised in a record (a member of the transaction field's collection, or a
/// field equal to a category) and each rule as item indices with its measures.
/// </summary>
public sealed class AssociationPlan : ModelPlan
{
    /// <summary>The slot of the transaction (a collection of item values), or -1 when items are fields.</summary>
    public required int TransactionSlot { get; init; }

    public required AssociationItemPlan[] Items { get; init; }
    public required AssociationRulePlan[] Rules { get; init; }
}

/// <summary>An item is present when its <see cref="Slot"/> equals <see cref="Value"/> (Slot -1: when the transaction holds Value).</summary>
public sealed record AssociationItemPlan(int Slot, Value Value, string Display);

/// <summary>A rule: its antecedent and consequent items, its measures and how outputs show it.</summary>
public sealed record AssociationRulePlan(int[] Antecedent, int[] Consequent, double Support, double Confidence, double? Lift, double? Leverage,
    double? Affinity, string Id, string Text, Value AntecedentValues, Value ConsequentValues)
{
    public double? Measure(RuleFeature feature) => feature switch
    {
        RuleFeature.Support => Support,
        RuleFeature.Confidence => Confidence,
        RuleFeature.Lift => Lift,
        RuleFeature.Leverage => Leverage,
        RuleFeature.Affinity => Affinity,
        _ => null,
    };
}
