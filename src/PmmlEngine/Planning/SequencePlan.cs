using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A SequenceModel: each rule's antecedent and consequent as sequences of item sets, with the rule's measures.</summary>
public sealed class SequencePlan : ModelPlan
{
    /// <summary>The slot of the item field: a collection of transactions, each an item or a collection of items.</summary>
    public required int ItemSlot { get; init; }

    public required SequenceRulePlan[] Rules { get; init; }
}

/// <summary>A sequence: its sets in order, and before each set after the first the delimiter that separates it.</summary>
public sealed record ItemSequence(Value[][] Sets, SequenceDelimiter[] Delimiters);

/// <summary>A rule: what outputs report about it (<see cref="Report"/>), and the sequences that decide whether it applies.</summary>
public sealed record SequenceRulePlan(AssociationRulePlan Report, ItemSequence Antecedent, SequenceDelimiter Delimiter, ItemSequence Consequent);
