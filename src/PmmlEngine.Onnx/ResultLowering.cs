using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;
using OnnxType = PmmlEngine.Onnx.Proto.TensorProto.Types.DataType;

namespace PmmlEngine.Onnx;

/// <summary>A model's result as graph values: the predicted value, double [N] or string [N] (<see cref="IsLabel"/>), and probabilities double [N, K].</summary>
internal sealed record Result(string Predicted, bool IsLabel, string? Probabilities);

/// <summary>What every model's result goes through: Targets, the most probable category, labels.</summary>
internal sealed class ResultLowering(OnnxGraph graph)
{
    /// <summary>A regression prediction after Targets (clamping, rescaling); NaN (no prediction) takes the default value.</summary>
    public string Targets(ModelPlan model, string y)
    {
        if (model.Target.Target is { } target)
        {
            if (target.CastInteger is not null)
                throw Refuse("Target castInteger is not translated", model);
            if (target.Min is { } min) y = graph.Op("Max", y, graph.Double(min));
            if (target.Max is { } max) y = graph.Op("Min", y, graph.Double(max));
            var folded = model is EnsemblePlan { IsFloat: true, Method: MultipleModelMethod.Sum } sum && EnsembleInterpreter.BaseScore(sum) != 0;
            if (!folded && model.IsFloat)
            {
                var f = graph.Cast(y, OnnxType.Float);
                f = graph.Op("Add", graph.Op("Mul", f, graph.Floats([(float)target.RescaleFactor])), graph.Floats([(float)target.RescaleConstant]));
                y = graph.Cast(f, OnnxType.Double);
            }
            else if (!folded)
                y = graph.Op("Add", graph.Op("Mul", y, graph.Double(target.RescaleFactor)), graph.Double(target.RescaleConstant));
        }
        if (model.Target.DefaultValue.TryGetNumber(out var fallback))
            y = graph.Where(graph.IsNaN(y), graph.Double(fallback), y);
        return y;
    }

    /// <summary>Probabilities [N, K] in the categories' order: the predicted category is the first most probable (none when NaN).</summary>
    public Result Classified(string probabilities, Value[] categories)
    {
        var best = graph.Op("ArgMax", [probabilities], [OnnxGraph.Int("axis", 1), OnnxGraph.Int("keepdims", 0), OnnxGraph.Int("select_last_index", 0)]);
        var missing = graph.IsNaN(Squeeze(graph.Column(probabilities, 0)));
        var index = graph.Where(missing, graph.Double(double.NaN), graph.Cast(best, OnnxType.Double));
        return new Result(Labels(index, categories.Select(v => v.ToString()).ToArray()), true, probabilities);
    }

    /// <summary>Label indexes (double [N], NaN for none) as strings, "" for none.</summary>
    public string Labels(string index, string[] labels)
    {
        var missing = graph.IsNaN(index);
        var safe = graph.Cast(graph.Where(missing, graph.Double(0), index), OnnxType.Int64);
        return graph.Where(missing, graph.Strings([""]), graph.Op("Gather", graph.Strings(labels, labels.Length), safe));
    }

    /// <summary>
    /// A segment's per-category values (double [N] each, in its model's category order) as [N, K] in the ensemble's
    /// order (EnsembleInterpreter.Align); categories the segment lacks are 0, or NaN where it made no prediction.
    /// </summary>
    public string Align(string[] values, ModelPlan model, SegmentPlan segment, int categories)
    {
        var columns = new string?[categories];
        for (var c = 0; c < values.Length && c < segment.CategoryMap.Length; c++)
            if (segment.CategoryMap[c] >= 0)
                columns[segment.CategoryMap[c]] = values[c];
        var zero = graph.Op("Mul", values[0], graph.Double(0));
        return graph.Op("Concat", columns.Select(c => graph.Op("Unsqueeze", c ?? zero, graph.Longs([1]))).ToArray(), [OnnxGraph.Int("axis", 1)]);
    }

    public string Squeeze(string column) => graph.Op("Squeeze", column, graph.Longs([1]));

    public static PmmlUnsupportedException Refuse(string message, ModelPlan model) => new($"Not expressible in ONNX: {message}", model.Element.Location);
}
