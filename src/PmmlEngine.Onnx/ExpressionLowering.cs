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
        _ => throw Refuse($"{expression.GetType().Name.Replace("Plan", "", StringComparison.Ordinal)} expressions are not translated", SourceLocation.None),
    };

    private string Apply(ApplyPlan apply)
    {
        var name = apply.Function.Name;
        var arguments = apply.Arguments.Select(Lower).ToArray();
        var anyMissing = arguments.Select(graph.IsNaN).Aggregate((a, b) => graph.Op("Or", a, b));
        string result;
        if (Binary.TryGetValue(name, out var binary))
            result = graph.Op(binary, arguments[0], arguments[1]);
        else if (Unary.TryGetValue(name, out var unary))
            result = graph.Op(unary, arguments[0]);
        else if (name == "log10")
            result = graph.Op("Div", graph.Op("Log", arguments[0]), graph.Double(Math.Log(10)));
        else if (Comparison.TryGetValue(name, out var comparison))
            result = graph.Where(anyMissing, graph.Double(double.NaN), graph.Cast(graph.Op(comparison, arguments[0], arguments[1]), OnnxType.Double));
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
        var invalid = graph.Op("And", graph.IsNaN(result), graph.Op("Not", anyMissing));
        if (apply.InvalidTreatment == InvalidValueTreatment.ReturnInvalid)
            columns.Require(graph.Op("Not", invalid));
        if (apply.MapMissingTo.TryGetNumber(out var mapped))
            result = graph.Where(anyMissing, graph.Double(mapped), result);
        return Default(result, apply);
    }

    private string Default(string result, ApplyPlan apply) =>
        apply.DefaultValue.TryGetNumber(out var fallback) ? graph.Where(graph.IsNaN(result), graph.Double(fallback), result) : result;

    private string MapMissing(string value, Types.Value mapMissingTo) =>
        mapMissingTo.TryGetNumber(out var n) ? graph.Where(graph.IsNaN(value), graph.Double(n), value) : value;

    private static PmmlUnsupportedException Refuse(string message, SourceLocation location) => new($"Not expressible in ONNX: {message}", location);
}
