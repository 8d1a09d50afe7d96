using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>PMML AssociationModel: items, itemsets over them, and rules from an antecedent itemset to a consequent one.</summary>
public sealed record AssociationModel : ModelElement
{
    public required ImmutableArray<AssociationItem> Items { get; init; }

    /// <summary>Itemset id → the ids of its items.</summary>
    public required ImmutableArray<(string Id, ImmutableArray<string> Items)> Itemsets { get; init; }

    public required ImmutableArray<AssociationRule> Rules { get; init; }
}
