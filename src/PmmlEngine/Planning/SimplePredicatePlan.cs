using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>
/// A comparison of a field with a constant already read as the field's data type. In a float math context both sides
/// are compared as float32, as XGBoost does.
/// </summary>
public sealed class SimplePredicatePlan(int slot, ComparisonOperator op, Value constant, bool compareAsFloat) : PredicatePlan
{
    public int Slot { get; } = slot;
    public ComparisonOperator Operator { get; } = op;
    public Value Constant { get; } = constant;
    public bool CompareAsFloat { get; } = compareAsFloat;
}
