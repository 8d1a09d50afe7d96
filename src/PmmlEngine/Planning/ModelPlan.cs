using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>What every planned model has; the families add their own structure.</summary>
public abstract class ModelPlan
{
    public required ModelElement Element { get; init; }
    public required TargetPlan Target { get; init; }
    public OutputPlan[] Outputs { get; internal set; } = [];

    /// <summary>Slots of the model's active fields after MiningField treatment, checked before scoring.</summary>
    public int[] ActiveSlots { get; init; } = [];

    public MiningFunction Function => Element.Function;
    public bool IsFloat => Element.MathContext == MathContext.Float;
}
