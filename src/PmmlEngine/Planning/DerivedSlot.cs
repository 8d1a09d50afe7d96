using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A DerivedField: computed on first use in a record, then cached for the rest of that record.</summary>
public sealed class DerivedSlot(string name, DataType dataType, OpType opType, SourceLocation location) : SlotDefinition(name, dataType, opType)
{
    public PlanExpression Expression { get; internal set; } = PlanExpression.MissingConstant;
    public SourceLocation Location { get; } = location;

    /// <summary>
    /// The slot this field only reads (a plain FieldRef, as in sklearn2pmml's cast chains double(float(x))), or -1:
    /// such a field is that slot's value converted to this field's type.
    /// </summary>
    public int CopyOf => Expression is SlotRefPlan { MapMissingTo.HasValue: false } reference ? reference.Slot : -1;
}
