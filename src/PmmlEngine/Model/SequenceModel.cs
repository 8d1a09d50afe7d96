using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>
/// PMML SequenceModel: items, sets of items (Itemsets or SetPredicates), sequences of sets separated by delimiters, and
/// rules from an antecedent sequence to a consequent one.
/// </summary>
public sealed record SequenceModel : ModelElement
{
    public required ImmutableArray<AssociationItem> Items { get; init; }

    /// <summary>Set id → the values of its items (Itemset via ItemRefs, or SetPredicate's Array).</summary>
    public required ImmutableArray<(string Id, ImmutableArray<string> Values)> Sets { get; init; }

    public required ImmutableArray<SequenceDefinition> Sequences { get; init; }
    public required ImmutableArray<SequenceRule> Rules { get; init; }
}
