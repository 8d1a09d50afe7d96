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
internal sealed class FinishLowering(OnnxGraph graph, TensorForest forest)
{
    /// <summary>The predicted value, double [N] or string [N] (<see cref="IsLabel"/>); probabilities double [N, K] in the top's category order.</summary>
    public sealed record Result(string Predicted, bool IsLabel, string? Probabilities);

    public Result Lower(string sums)
    {
        var finish = forest.Finish;
        var top = finish.Top;
        if (top.Target.Priors is not null)
            throw Refuse("prior probabilities for records without a prediction are not translated", top);
        switch (finish.Shape)
        {
            case ForestShape.Regression:
                return new Result(Regression(top, finish.Ensemble, finish.PerTree ? Combine(finish, sums) : Squeeze(graph.Column(sums, 0))), false, null);
            case ForestShape.Tree:
                var categories = top.Target.Categories.Length;
                var probabilities = graph.Op("Slice", sums, graph.Longs([0]), graph.Longs([categories]), graph.Longs([1]));
                var label = Squeeze(graph.Column(sums, categories));
                return new Result(Labels(label, finish.Labels.Select(v => v.ToString()).ToArray()), true, probabilities);
            case ForestShape.Vote:
                var totals = graph.Op("Div", sums, graph.Double(finish.Divisor));
                return Classified(totals);
            default:
                return Chain(sums);
        }
    }

    /// <summary>A regression sum after its ensemble's average and its Targets; NaN (no prediction) takes the default value.</summary>
    private string Regression(ModelPlan model, EnsemblePlan? ensemble, string y)
    {
        if (ensemble is not null)
        {
            var count = ensemble.Segments.Length;
            if (ensemble.Method == MultipleModelMethod.Average)
                y = graph.Op("Div", y, graph.Double(count));
            else if (ensemble.Method == MultipleModelMethod.WeightedAverage)
            {
                var weightSum = 0.0;
                foreach (var segment in ensemble.Segments) weightSum += segment.Weight;
                y = graph.Op("Div", y, graph.Double(weightSum));
            }
        }
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

    /// <summary>Probabilities [N, K] in the top's category order: the predicted category is the first most probable.</summary>
    private Result Classified(string probabilities)
    {
        var best = graph.Op("ArgMax", [probabilities], [OnnxGraph.Int("axis", 1), OnnxGraph.Int("keepdims", 0), OnnxGraph.Int("select_last_index", 0)]);
        var missing = graph.IsNaN(Squeeze(graph.Column(probabilities, 0)));
        var index = graph.Where(missing, graph.Double(double.NaN), graph.Cast(best, OnnxType.Double));
        return new Result(Labels(index, forest.Finish.Top.Target.Categories.Select(v => v.ToString()).ToArray()), true, probabilities);
    }

    /// <summary>Label indexes (double [N], NaN for none) as strings, "" for none.</summary>
    private string Labels(string index, string[] labels)
    {
        var missing = graph.IsNaN(index);
        var safe = graph.Cast(graph.Where(missing, graph.Double(0), index), OnnxType.Int64);
        return graph.Where(missing, graph.Strings([""]), graph.Op("Gather", graph.Strings(labels, labels.Length), safe));
    }

    /// <summary>Each link's sum through its ensemble, its Targets and its output field's type, then the final RegressionModel.</summary>
    private Result Chain(string sums)
    {
        var finish = forest.Finish;
        var top = (EnsemblePlan)finish.Top;
        var document = forest.Document;
        var links = new Dictionary<int, string>();
        for (var j = 0; j < finish.Links.Length; j++)
        {
            var link = finish.Links[j].Ensemble;
            var value = Regression(link, link, Squeeze(graph.Column(sums, j)));
            foreach (var output in link.Outputs)
            {
                if (output.Field.Feature != ResultFeature.PredictedValue || output.SegmentIndex >= 0)
                    throw Refuse($"OutputField '{output.Name}' of a chain link reports {output.Field.Feature}", link);
                links[output.Slot] = output.DataType == Types.DataType.Float ? graph.Cast(graph.Cast(value, OnnxType.Float), OnnxType.Double) : value;
            }
        }
        if (finish.Final!.Model is not RegressionPlan final || final.Function != MiningFunction.Classification)
            throw Refuse("the chain's last model is not a classification RegressionModel", finish.Final.Model);
        var scores = final.Tables.Select(t => Table(t, final, links, document)).ToArray();
        var p = Normalize(final, scores);
        // Table t's probability goes to its category's place among the chain's categories (EnsembleInterpreter.Adopt).
        var columns = new string[top.Target.Categories.Length];
        for (var t = 0; t < final.Tables.Length; t++)
        {
            var index = final.Target.IndexOf(final.Tables[t].Category);
            if (index >= 0 && index < finish.Final.CategoryMap.Length && finish.Final.CategoryMap[index] >= 0)
                columns[finish.Final.CategoryMap[index]] = p[t];
        }
        var zero = graph.Op("Mul", p[0], graph.Double(0));
        var probabilities = graph.Op("Concat", columns.Select(c => graph.Op("Unsqueeze", c ?? zero, graph.Longs([1]))).ToArray(), [OnnxGraph.Int("axis", 1)]);
        return Classified(probabilities);
    }

    /// <summary>A regression table over the links' outputs: intercept plus coefficient times value, in the model's arithmetic.</summary>
    private string Table(RegressionTablePlan table, RegressionPlan model, Dictionary<int, string> links, DocumentPlan document)
    {
        if (table.Categorical.Length > 0 || table.Interactions.Length > 0)
            throw Refuse("the chain's final model has categorical or interaction terms", model);
        var type = model.IsFloat ? OnnxType.Float : OnnxType.Double;
        string Constant(double c) => model.IsFloat ? graph.Floats([(float)c]) : graph.Double(c);
        // Zero for every row, NaN where any link made no prediction: the interpreter then has no table score at all.
        var zero = graph.Op("Mul", graph.Cast(links.Values.Aggregate((a, b) => graph.Op("Add", a, b)), type), Constant(0));
        var y = graph.Op("Add", zero, Constant(table.Intercept));
        foreach (var (slot, exponent, coefficient) in table.Numeric)
        {
            if (exponent != 1)
                throw Refuse("the chain's final model raises a value to a power", model);
            var source = document.Slots[slot] is PreparedSlot { MissingReplacement.HasValue: false } prepared ? prepared.Source : slot;
            if (!links.TryGetValue(source, out var value))
                throw Refuse($"the chain's final model reads '{document.Slots[slot].Name}', which is no link's output", model);
            y = graph.Op("Add", y, graph.Op("Mul", Constant(coefficient), graph.Cast(value, type)));
        }
        return y;
    }

    /// <summary>RegressionModel normalization of the tables' scores into probabilities (double [N] each).</summary>
    private string[] Normalize(RegressionPlan model, string[] scores)
    {
        var type = model.IsFloat ? OnnxType.Float : OnnxType.Double;
        string One() => model.IsFloat ? graph.Floats([1f]) : graph.Double(1);
        string[] p;
        switch (model.Normalization)
        {
            case RegressionNormalization.Softmax:
                var matrix = graph.Op("Concat", scores.Select(s => graph.Op("Unsqueeze", s, graph.Longs([1]))).ToArray(), [OnnxGraph.Int("axis", 1)]);
                var softmax = graph.Op("Softmax", [matrix], [OnnxGraph.Int("axis", 1)]);
                p = scores.Select((_, t) => Squeeze(graph.Column(softmax, t))).ToArray();
                break;
            case RegressionNormalization.Logit or RegressionNormalization.None:
                p = model.Normalization == RegressionNormalization.None ? scores
                    : scores.Select(s => graph.Op("Div", One(), graph.Op("Add", One(), graph.Op("Exp", graph.Op("Neg", s))))).ToArray();
                if (p.Length == 2)
                    p[1] = graph.Op("Sub", One(), p[0]);
                break;
            default:
                throw Refuse($"normalizationMethod {model.Normalization} is not translated", model);
        }
        return type == OnnxType.Float ? p.Select(v => graph.Cast(v, OnnxType.Double)).ToArray() : p;
    }

    private string Squeeze(string column) => graph.Op("Squeeze", column, graph.Longs([1]));

    private static PmmlUnsupportedException Refuse(string message, ModelPlan model) => new($"Not expressible in ONNX: {message}", model.Element.Location);
}
