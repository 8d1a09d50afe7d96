using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>The whole planned document: the row buffer layout, the inputs, the model and the public fields.</summary>
public sealed class DocumentPlan
{
    public required PmmlDocument Document { get; init; }
    public required SlotDefinition[] Slots { get; init; }

    /// <summary>The fields a caller supplies: the active DataFields of the top model.</summary>
    public required InputSlot[] Inputs { get; init; }

    public required ModelPlan Model { get; init; }
    public required PublicField[] Targets { get; init; }
    public required PublicField[] Outputs { get; init; }
}
