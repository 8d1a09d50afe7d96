using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using OnnxType = PmmlEngine.Onnx.Proto.TensorProto.Types.DataType;

namespace PmmlEngine.Onnx;

/// <summary>
/// Numeric expressions (OutputField transformations and decisions) as graph values, double [N] with NaN for missing
/// and booleans as 1/0: arithmetic, the mathematical functions, comparisons, if and isMissing, with Apply's
/// mapMissingTo, defaultValue and invalidValueTreatment as the interpreter applies them.
/// </summary>
internal sealed class ExpressionLowering(OnnxGraph graph, ColumnLowering columns, Func<int, string?> slotValue)
{
    private static readonly Dictionary<string, string> Binary = new()
    {
        ["+"] = "Add", ["-"] = "Sub", ["*"] = "Mul", ["/"] = "Div", ["pow"] = "Pow",
    };

    private static readonly Dictionary<string, string> Unary = new()
    {
        ["exp"] = "Exp", ["ln"] = "Log", ["sqrt"] = "Sqrt", ["abs"] = "Abs",
    };

    private static readonly Dictionary<string, string> Comparison = new()
    {
        ["lessThan"] = "Less", ["lessOrEqual"] = "LessOrEqual", ["greaterThan"] = "Greater", ["greaterOrEqual"] = "GreaterOrEqual", ["equal"] = "Equal",
    };

    public string Lower(PlanExpression expression) => expression switch
    {
        ConstantPlan { Value: var v } when v.TryGetNumber(out var n) => graph.Double(n),
        ConstantPlan { Value.IsMissing: true } => graph.Double(double.NaN),
        SlotRefPlan reference => MapMissing(slotValue(reference.Slot) ?? columns.Numeric(reference.Slot), reference.MapMissingTo),
        ApplyPlan apply => Apply(apply),
        NormContinuousPlan norm => NormContinuous(norm),
        NormDiscretePlan { Field: SlotRefPlan field } norm => NormDiscrete(norm, field.Slot),
        _ => throw Refuse($"{expression.GetType().Name.Replace("Plan", "", StringComparison.Ordinal)} expressions are not translated", SourceLocation.None),
    };

    private string Apply(ApplyPlan apply)
    {
        var name = apply.Function.Name;
        var arguments = apply.Arguments.Select(Lower).ToArray();
        // Built only for the functions that look at it: a graph node per use would be dead weight for if and isMissing.
        string? anyMissing = null;
        string AnyMissing() => anyMissing ??= arguments.Select(graph.IsNaN).Aggregate((a, b) => graph.Op("Or", a, b));
        string result;
        if (Binary.TryGetValue(name, out var binary))
            result = graph.Op(binary, arguments[0], arguments[1]);
        else if (Unary.TryGetValue(name, out var unary))
            result = graph.Op(unary, arguments[0]);
        else if (name == "log10")
            result = graph.Op("Div", graph.Op("Log", arguments[0]), graph.Double(Math.Log(10)));
        else if (Comparison.TryGetValue(name, out var comparison))
            result = graph.Where(AnyMissing(), graph.Double(double.NaN), graph.Cast(graph.Op(comparison, arguments[0], arguments[1]), OnnxType.Double));
        else if (name == "isMissing" || name == "isNotMissing")
            return graph.Cast(name == "isMissing" ? graph.IsNaN(arguments[0]) : graph.Op("Not", graph.IsNaN(arguments[0])), OnnxType.Double);
        else if (name == "if")
        {
            var otherwise = arguments.Length > 2 ? arguments[2] : graph.Double(double.NaN);
            var chosen = graph.Where(graph.Op("Equal", arguments[0], graph.Double(0)), otherwise, arguments[1]);
            return Default(graph.Where(graph.IsNaN(arguments[0]), graph.Double(double.NaN), chosen), apply);
        }
        else
            throw Refuse($"function '{name}' is not translated", apply.Location);

        // A NaN from present arguments is an invalid result (sqrt(-1), 0/0), which invalidValueTreatment decides.
        var invalid = graph.Op("And", graph.IsNaN(result), graph.Op("Not", AnyMissing()));
        if (apply.InvalidTreatment == InvalidValueTreatment.ReturnInvalid)
            columns.Require(graph.Op("Not", invalid));
        if (apply.MapMissingTo.TryGetNumber(out var mapped))
            result = graph.Where(AnyMissing(), graph.Double(mapped), result);
        return Default(result, apply);
    }

    /// <summary>
    /// Piecewise-linear between knots as the interpreter computes it: segment i is the number of inner knots below x,
    /// the value norm[i] + (x − orig[i]) · (norm[i+1] − norm[i]) / (orig[i+1] − orig[i]); outliers by the treatment.
    /// </summary>
    private string NormContinuous(NormContinuousPlan norm)
    {
        var x = Lower(norm.Field);
        var (orig, values) = (norm.Orig, norm.Norm);
        var last = orig.Length - 1;
        var inner = orig[1..last];
        var segment = inner.Length == 0
            ? graph.Cast(graph.Op("Mul", graph.Cast(graph.IsNaN(x), OnnxType.Int64), graph.Longs([0])), OnnxType.Int64)
            : graph.Op("ReduceSum", [graph.Cast(graph.Op("Greater", graph.Op("Unsqueeze", x, graph.Longs([1])), graph.Doubles(inner, 1, inner.Length)), OnnxType.Int64), graph.Longs([1])],
                [OnnxGraph.Int("keepdims", 0)]);
        double[] At(Func<int, double> f) => Enumerable.Range(0, last).Select(f).ToArray();
        string Gather(double[] table) => graph.Op("Gather", graph.Doubles(table, table.Length), segment);
        var result = graph.Op("Add", Gather(At(i => values[i])),
            graph.Op("Div", graph.Op("Mul", graph.Op("Sub", x, Gather(At(i => orig[i]))), Gather(At(i => values[i + 1] - values[i]))), Gather(At(i => orig[i + 1] - orig[i]))));
        var below = graph.Op("Less", x, graph.Double(orig[0]));
        var above = graph.Op("Greater", x, graph.Double(orig[last]));
        result = norm.Outliers switch
        {
            OutlierTreatment.AsMissingValues => graph.Where(graph.Op("Or", below, above), graph.Double(double.NaN), result),
            OutlierTreatment.AsExtremeValues => graph.Where(below, graph.Double(values[0]), graph.Where(above, graph.Double(values[last]), result)),
            _ => result,
        };
        return MapMissing(graph.Where(graph.IsNaN(x), graph.Double(double.NaN), result), norm.MapMissingTo);
    }

    /// <summary>1 where the field equals the value, 0 where not, mapMissingTo (or missing) where the field is missing.</summary>
    private string NormDiscrete(NormDiscretePlan norm, int slot)
    {
        var missing = columns.IsMissing(slot);
        var value = graph.Where(missing, graph.Double(double.NaN), graph.Cast(columns.Equals(slot, norm.Value), OnnxType.Double));
        return MapMissing(value, norm.MapMissingTo);
    }

    /// <summary>A number converted to a field's type as the interpreter converts it (float rounding, integer truncation, boolean as 1/0).</summary>
    public string Convert(string x, Types.DataType type) => type switch
    {
        Types.DataType.Float => graph.Cast(graph.Cast(x, OnnxType.Float), OnnxType.Double),
        Types.DataType.Integer => graph.Where(graph.Op("Less", x, graph.Double(0)), graph.Op("Ceil", x), graph.Op("Floor", x)),
        Types.DataType.Boolean => graph.Where(graph.IsNaN(x), x, graph.Cast(graph.Op("Not", graph.Op("Equal", x, graph.Double(0))), OnnxType.Double)),
        _ => x,
    };

    private string Default(string result, ApplyPlan apply) =>
        apply.DefaultValue.TryGetNumber(out var fallback) ? graph.Where(graph.IsNaN(result), graph.Double(fallback), result) : result;

    private string MapMissing(string value, Types.Value mapMissingTo) =>
        mapMissingTo.TryGetNumber(out var n) ? graph.Where(graph.IsNaN(value), graph.Double(n), value) : value;

    private static PmmlUnsupportedException Refuse(string message, SourceLocation location) => new($"Not expressible in ONNX: {message}", location);
}
