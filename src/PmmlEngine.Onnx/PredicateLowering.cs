using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;
using OnnxType = PmmlEngine.Onnx.Proto.TensorProto.Types.DataType;

namespace PmmlEngine.Onnx;

/// <summary>
/// Predicates (segment selection) as double [N]: 1 true, 0 false, NaN unknown (a missing field), combined with PMML's
/// three-valued and, or and xor.
/// </summary>
internal sealed class PredicateLowering(OnnxGraph graph, ColumnLowering columns, DocumentPlan document)
{
    public string Lower(PredicatePlan predicate) => predicate switch
    {
        ConstantPredicatePlan constant => graph.Double(constant.Value ? 1 : 0),
        SimplePredicatePlan simple => Simple(simple),
        SetPredicatePlan set => Set(set),
        CompoundPredicatePlan compound => Compound(compound),
        _ => throw Refuse($"{predicate.GetType().Name.Replace("Plan", "", StringComparison.Ordinal)} is not translated"),
    };

    private string Simple(SimplePredicatePlan simple)
    {
        var slot = simple.Slot;
        var isString = document.Slots[slot].DataType == DataType.String;
        var missing = columns.IsMissing(slot);
        switch (simple.Operator)
        {
            case ComparisonOperator.IsMissing:
                return graph.Cast(missing, OnnxType.Double);
            case ComparisonOperator.IsNotMissing:
                return graph.Cast(graph.Op("Not", missing), OnnxType.Double);
            case ComparisonOperator.Equal or ComparisonOperator.NotEqual when isString:
                var equal = columns.Equals(slot, simple.Constant);
                return Known(missing, simple.Operator == ComparisonOperator.Equal ? equal : graph.Op("Not", equal));
        }
        if (isString || !simple.Constant.TryGetNumber(out var c))
            throw Refuse($"the comparison of '{document.Slots[slot].Name}' with '{simple.Constant}' is not translated");
        var x = columns.Numeric(slot);
        var constant = graph.Double(c);
        if (simple.CompareAsFloat)
        {
            x = graph.Cast(x, OnnxType.Float);
            constant = graph.Floats([(float)c]);
        }
        var op = simple.Operator switch
        {
            ComparisonOperator.Equal => "Equal",
            ComparisonOperator.LessThan => "Less",
            ComparisonOperator.LessOrEqual => "LessOrEqual",
            ComparisonOperator.GreaterThan => "Greater",
            ComparisonOperator.GreaterOrEqual => "GreaterOrEqual",
            _ => "NotEqual",
        };
        var holds = op == "NotEqual" ? graph.Op("Not", graph.Op("Equal", x, constant)) : graph.Op(op, x, constant);
        return Known(missing, holds);
    }

    private string Set(SetPredicatePlan set)
    {
        var slot = set.Slot;
        var isString = document.Slots[slot].DataType == DataType.String;
        var missing = columns.IsMissing(slot);
        var never = graph.Op("Equal", missing, graph.Op("Not", missing));
        var member = set.Values.Select(v => columns.Equals(slot, v)).Aggregate(never, (a, b) => graph.Op("Or", a, b));
        return Known(missing, set.IsIn ? member : graph.Op("Not", member));
    }

    /// <summary>1 or 0 by <paramref name="holds"/> (bool [N]); NaN where the field is missing.</summary>
    private string Known(string missing, string holds) => graph.Where(missing, graph.Double(double.NaN), graph.Cast(holds, OnnxType.Double));

    /// <summary>
    /// and: false if any part is false, else unknown if any is, else true; or: true if any is true, else unknown if any
    /// is, else false; xor: unknown if any is, else the parity; surrogate: the first part that is known.
    /// </summary>
    private string Compound(CompoundPredicatePlan compound)
    {
        var parts = compound.Parts.Select(Lower).ToArray();
        var anyUnknown = parts.Select(graph.IsNaN).Aggregate((a, b) => graph.Op("Or", a, b));
        string Any(double value) => parts.Select(p => graph.Op("Equal", p, graph.Double(value))).Aggregate((a, b) => graph.Op("Or", a, b));
        var nan = graph.Double(double.NaN);
        return compound.Operator switch
        {
            BooleanOperator.And => graph.Where(Any(0), graph.Double(0), graph.Where(anyUnknown, nan, graph.Double(1))),
            BooleanOperator.Or => graph.Where(Any(1), graph.Double(1), graph.Where(anyUnknown, nan, graph.Double(0))),
            BooleanOperator.Xor => graph.Where(anyUnknown, nan, graph.Op("Mod", [parts.Aggregate((a, b) => graph.Op("Add", a, b)), graph.Double(2)], [OnnxGraph.Int("fmod", 1)])),
            // surrogate: the first part that is not unknown decides.
            _ => parts.Reverse().Aggregate(nan, (decided, part) => graph.Where(graph.IsNaN(part), decided, part)),
        };
    }

    private static PmmlUnsupportedException Refuse(string message) => new($"Not expressible in ONNX: {message}", SourceLocation.None);
}
