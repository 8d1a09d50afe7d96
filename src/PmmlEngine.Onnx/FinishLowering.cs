using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Tensors;
using OnnxType = PmmlEngine.Onnx.Proto.TensorProto.Types.DataType;

namespace PmmlEngine.Onnx;

/// <summary>
/// The graph form of <see cref="ForestFinish"/>: from the running sums to the predicted value and the probabilities,
/// step for step as the interpreter (averages, Targets, a chain's final RegressionModel and its normalization).
/// </summary>
internal sealed class FinishLowering(OnnxGraph graph, TensorForest forest, ColumnLowering columns)
{
    private readonly ResultLowering _results = new(graph);

    public Result Lower(string sums)
    {
        var finish = forest.Finish;
        var top = finish.Top;
        if (top.Target.Priors is not null)
            throw ResultLowering.Refuse("prior probabilities for records without a prediction are not translated", top);
        switch (finish.Shape)
        {
            case ForestShape.Regression:
                var y = finish.PerTree ? Combine(finish, sums) : Average(finish.Ensemble, Squeeze(graph.Column(sums, 0)));
                return new Result(_results.Targets(top, y), false, null);
            case ForestShape.Tree:
                var categories = top.Target.Categories.Length;
                var probabilities = graph.Op("Slice", sums, graph.Longs([0]), graph.Longs([categories]), graph.Longs([1]));
                var label = Squeeze(graph.Column(sums, categories));
                return new Result(_results.Labels(label, finish.Labels.Select(v => v.ToString()).ToArray()), true, probabilities);
            case ForestShape.Vote:
                return _results.Classified(graph.Op("Div", sums, graph.Double(finish.Divisor)), top.Target.Categories);
            default:
                return Chain(sums);
        }
    }

    /// <summary>A sum divided as the ensemble's average or weighted average divides it (EnsembleInterpreter.SumFinish).</summary>
    private string Average(EnsemblePlan? ensemble, string y)
    {
        if (ensemble?.Method == MultipleModelMethod.Average)
            return graph.Op("Div", y, graph.Double(ensemble.Segments.Length));
        if (ensemble?.Method != MultipleModelMethod.WeightedAverage)
            return y;
        var weightSum = 0.0;
        foreach (var segment in ensemble.Segments) weightSum += segment.Weight;
        return graph.Op("Div", y, graph.Double(weightSum));
    }

    /// <summary>
    /// The trees' scores [N, T] by the ensemble's max, median or weighted median (EnsembleInterpreter.Regress): scores
    /// sorted ascending, ties in tree order; NaN when any tree made no prediction.
    /// </summary>
    private string Combine(ForestFinish finish, string scores)
    {
        var ensemble = finish.Ensemble!;
        var trees = ensemble.Segments.Length;
        var anyMissing = graph.Cast(graph.Op("ReduceMax", [graph.Cast(graph.IsNaN(scores), OnnxType.Int64)], [OnnxGraph.Ints("axes", 1), OnnxGraph.Int("keepdims", 0)]), OnnxType.Bool);
        string combined;
        if (ensemble.Method == MultipleModelMethod.Max)
            combined = graph.Op("ReduceMax", [scores], [OnnxGraph.Ints("axes", 1), OnnxGraph.Int("keepdims", 0)]);
        else
        {
            var sorted = graph.Ops("TopK", [scores, graph.Longs([trees])], [OnnxGraph.Int("axis", 1), OnnxGraph.Int("largest", 0), OnnxGraph.Int("sorted", 1)], 2);
            if (ensemble.Method == MultipleModelMethod.Median)
                combined = trees % 2 == 1 ? Squeeze(graph.Column(sorted[0], trees / 2))
                    : graph.Op("Div", graph.Op("Add", Squeeze(graph.Column(sorted[0], trees / 2 - 1)), Squeeze(graph.Column(sorted[0], trees / 2))), graph.Double(2));
            else
            {
                // The first sorted score whose cumulative weight reaches half the total (the total summed in document order).
                var weights = graph.Op("Gather", graph.Doubles(finish.SegmentWeights, trees), sorted[1]);
                var cumulative = graph.Op("CumSum", weights, graph.Longs([1]));
                var half = finish.SegmentWeights.Sum() / 2;
                var reached = graph.Cast(graph.Op("GreaterOrEqual", cumulative, graph.Double(half)), OnnxType.Double);
                var first = graph.Op("ArgMax", [reached], [OnnxGraph.Int("axis", 1), OnnxGraph.Int("keepdims", 1), OnnxGraph.Int("select_last_index", 0)]);
                combined = Squeeze(graph.Op("GatherElements", [sorted[0], first], [OnnxGraph.Int("axis", 1)]));
            }
        }
        return graph.Where(anyMissing, graph.Double(double.NaN), combined);
    }

    /// <summary>Each link's sum through its ensemble, its Targets and its output field's type, then the chain's last model.</summary>
    private Result Chain(string sums)
    {
        var finish = forest.Finish;
        var top = finish.Top;
        var document = forest.Document;
        var links = new Dictionary<int, string>();
        for (var j = 0; j < finish.Links.Length; j++)
        {
            var link = finish.Links[j].Ensemble;
            var value = _results.Targets(link, Average(link, Squeeze(graph.Column(sums, j))));
            foreach (var output in link.Outputs)
            {
                if (output.Field.Feature != ResultFeature.PredictedValue || output.SegmentIndex >= 0)
                    throw ResultLowering.Refuse($"OutputField '{output.Name}' of a chain link reports {output.Field.Feature}", link);
                links[output.Slot] = output.DataType == Types.DataType.Float ? graph.Cast(graph.Cast(value, OnnxType.Float), OnnxType.Double) : value;
            }
        }
        if (finish.Final!.Model is not RegressionPlan { Function: MiningFunction.Classification } final)
            throw ResultLowering.Refuse("the chain's last model is not a classification RegressionModel", finish.Final.Model);
        string Link(int slot)
        {
            var source = document.Slots[slot] is PreparedSlot { MissingReplacement.HasValue: false } prepared ? prepared.Source : slot;
            return links.TryGetValue(source, out var value) ? value : columns.Numeric(slot);
        }
        var result = new RegressionLowering(graph, _results, Link, columns.Equals).Lower(final);
        var p = Enumerable.Range(0, final.Target.Categories.Length).Select(c => Squeeze(graph.Column(result.Probabilities!, c))).ToArray();
        return _results.Classified(_results.Align(p, final, finish.Final, top.Target.Categories.Length), top.Target.Categories);
    }

    private string Squeeze(string column) => _results.Squeeze(column);
}
