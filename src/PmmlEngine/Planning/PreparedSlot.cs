using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A field as one model sees it after its MiningField's missing, invalid and outlier treatments.</summary>
public sealed class PreparedSlot(string name, DataType dataType, OpType opType, int source, MiningField field, FieldDomain? domain, Value missingReplacement, Value invalidReplacement)
    : SlotDefinition(name, dataType, opType)
{
    public int Source { get; } = source;
    public MiningField Field { get; } = field;
    public FieldDomain? Domain { get; } = domain;
    public Value MissingReplacement { get; } = missingReplacement;
    public Value InvalidReplacement { get; } = invalidReplacement;
}
