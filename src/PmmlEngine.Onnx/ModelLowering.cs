using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Planning;

namespace PmmlEngine.Onnx;

/// <summary>
/// Models outside the tensor plan that still have a direct graph form: a RegressionModel, and a selectFirst
/// MiningModel of RegressionModels (each segment's predicate decides, the first true one scores).
/// </summary>
internal sealed class ModelLowering(OnnxGraph graph, ColumnLowering columns, DocumentPlan document)
{
    private readonly ResultLowering _results = new(graph);

    public static bool Handles(ModelPlan model) =>
        model is RegressionPlan || model is EnsemblePlan { Method: MultipleModelMethod.SelectFirst } ensemble && ensemble.Segments.All(s => s.Model is RegressionPlan);

    /// <summary>The top model's result, and the models whose OutputFields may report it (each with its category map to the top's order).</summary>
    public (Result Result, List<(OutputPlan Output, int[]? Map)> Outputs) Lower(ModelPlan top)
    {
        var regression = new RegressionLowering(graph, _results, columns.Numeric, columns.Equals);
        var outputs = top.Outputs.Select(o => (o, (int[]?)null)).ToList();
        if (top is RegressionPlan model)
            return (regression.Lower(model), outputs);

        var ensemble = (EnsemblePlan)top;
        var predicates = new PredicateLowering(graph, columns, document);
        var categories = ensemble.Target.Categories.Length;
        var classification = ensemble.Function == MiningFunction.Classification;
        // From the last segment back: where a segment's predicate is true, its result replaces what the later ones chose.
        string predicted = classification ? graph.Strings([""]) : graph.Double(double.NaN);
        string? probabilities = null;
        foreach (var segment in ensemble.Segments.Reverse())
        {
            var result = regression.Lower((RegressionPlan)segment.Model);
            string predicate;
            try
            {
                predicate = predicates.Lower(segment.Predicate);
            }
            catch (PmmlUnsupportedException e) when (!e.Location.IsKnown)
            {
                throw new PmmlUnsupportedException($"{e.Message} (segment '{segment.Id}')", segment.Model.Element.Location);
            }
            var chosen = graph.Op("Equal", predicate, graph.Double(1));
            predicted = graph.Where(chosen, result.Predicted, predicted);
            if (classification && result.Probabilities is { } own)
            {
                var p = Enumerable.Range(0, segment.Model.Target.Categories.Length).Select(c => _results.Squeeze(graph.Column(own, c))).ToArray();
                var aligned = _results.Align(p, segment.Model, segment, categories);
                probabilities = graph.Where(graph.Op("Unsqueeze", chosen, graph.Longs([1])), aligned, probabilities ?? graph.Doubles([double.NaN], 1, 1));
            }
            outputs.AddRange(segment.Model.Outputs.Select(o => (o, (int[]?)segment.CategoryMap)));
        }
        var value = classification ? predicted : _results.Targets(ensemble, predicted);
        return (new Result(value, classification, probabilities), outputs);
    }
}
