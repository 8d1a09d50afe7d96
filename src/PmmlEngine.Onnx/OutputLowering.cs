using PmmlEngine.Errors;
using PmmlEngine.Evaluation;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;
using OnnxType = PmmlEngine.Onnx.Proto.TensorProto.Types.DataType;

namespace PmmlEngine.Onnx;

/// <summary>
/// One graph output per result field. An OutputField may belong to the top model or, in a chain, to the final model,
/// whose probabilities are in its own category order (mapped by the segment's category map). Fields are computed on
/// demand, so a transformation can read earlier output fields, public or not.
/// </summary>
internal sealed class OutputLowering
{
    private readonly OnnxGraph _graph;
    private readonly Result _result;
    private readonly List<(OutputPlan Output, int[]? Map)> _outputs;
    private readonly Dictionary<int, string> _values = [];
    private readonly ExpressionLowering _expressions;

    /// <param name="graph">The graph being written.</param>
    /// <param name="columns">The fields, for transformations that read them.</param>
    /// <param name="result">The top model's result.</param>
    /// <param name="outputs">The OutputFields that may report the result, each with its model's category map to the top's order (null: the top's own).</param>
    public OutputLowering(OnnxGraph graph, ColumnLowering columns, Result result, List<(OutputPlan Output, int[]? Map)> outputs)
    {
        _graph = graph;
        _result = result;
        _outputs = outputs;
        _expressions = new ExpressionLowering(graph, columns, slot => _outputs.Any(o => o.Output.Slot == slot) ? Value(slot) : null);
    }

    public void Write(PmmlEvaluator evaluator)
    {
        foreach (var field in evaluator.Results)
        {
            var slot = field.Slots.FirstOrDefault(s => _outputs.Any(o => o.Output.Slot == s), -1);
            var value = slot < 0 ? _result.Predicted : Value(slot);
            var isLabel = value == _result.Predicted && _result.IsLabel;
            _graph.Output(value, field.Name, isLabel ? OnnxType.String : OnnxType.Double);
        }
    }

    private string Value(int slot)
    {
        if (_values.TryGetValue(slot, out var value))
            return value;
        var (output, map) = _outputs.First(o => o.Output.Slot == slot);
        switch (output.Field.Feature)
        {
            case ResultFeature.PredictedValue:
                value = _result.Predicted;
                break;
            case ResultFeature.Probability when _result.Probabilities is { } probabilities && Category(output, map) is var index and >= 0:
                value = _graph.Op("Squeeze", _graph.Column(probabilities, index), _graph.Longs([1]));
                break;
            case ResultFeature.TransformedValue or ResultFeature.Decision when output.Expression is { } expression:
                try
                {
                    value = _expressions.Convert(_expressions.Lower(expression), output.DataType);
                }
                catch (PmmlUnsupportedException e) when (!e.Location.IsKnown)
                {
                    // A refusal deep in the expression names no element: the OutputField is where it stands.
                    throw new PmmlUnsupportedException($"{e.Message} (OutputField '{output.Name}')", output.Field.Location);
                }
                break;
            default:
                throw new PmmlUnsupportedException(
                    $"Not expressible in ONNX: OutputField '{output.Name}' reports {output.Field.Feature}; the export writes predicted values, probabilities and transformations",
                    output.Field.Location);
        }
        return _values[slot] = value;
    }

    private static int Category(OutputPlan output, int[]? map) =>
        map is null ? output.CategoryIndex : output.CategoryIndex >= 0 && output.CategoryIndex < map.Length ? map[output.CategoryIndex] : -1;
}
