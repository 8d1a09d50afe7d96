using Google.Protobuf;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Errors;
using PmmlEngine.Evaluation;
using PmmlEngine.Model;
using PmmlEngine.Onnx.Proto;
using PmmlEngine.Planning;
using PmmlEngine.Tensors;
using OnnxType = PmmlEngine.Onnx.Proto.TensorProto.Types.DataType;

namespace PmmlEngine.Onnx;

/// <summary>
/// Exports a tree model or tree ensemble (or a RegressionModel, or a selectFirst ensemble of them) as an ONNX graph of
/// standard operators (ai.onnx and ai.onnx.ml's LabelEncoder), self-describing for any ONNX runtime: one input per
/// PMML input field, named after it (float32 with NaN missing, or string with "" missing); one output per target and
/// output field, named after it (double with booleans as 1/0, or string for a predicted category). A record the model
/// rejects (a returnInvalid field) gets NaN and "" outputs.
/// </summary>
public static class OnnxExporter
{
    private const int Opset = 17;
    private const int MlOpset = 3;

    /// <exception cref="PmmlUnsupportedException">The model or a part of it has no ONNX form here; the message says what and where.</exception>
    public static byte[] Export(PmmlEvaluator evaluator, OnnxExportOptions? options = null)
    {
        var plan = evaluator.DocumentPlan;
        var graph = new OnnxGraph();
        var columns = new ColumnLowering(graph, plan);
        var (result, outputs, strategy) = ModelLowering.Handles(plan.Model)
            ? Direct(graph, columns, plan)
            : Forest(graph, columns, TensorForestBuilder.Build(plan), (options ?? OnnxExportOptions.Default).Strategy);
        columns.CheckActive(plan.Model.ActiveSlots);
        new OutputLowering(graph, columns, result, outputs).Write(evaluator);
        graph.MaskOutputs(columns.Valid());

        var model = new ModelProto
        {
            IrVersion = 8,
            ProducerName = "PmmlEngine",
            ProducerVersion = typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "",
            DocString = $"{plan.Model.Element.ElementName} ({plan.Model.Function}) exported by PmmlEngine{(strategy is null ? "" : $" with the {strategy} strategy")}",
            Graph = graph.Proto,
            OpsetImport = { new OperatorSetIdProto { Domain = "", Version = Opset }, new OperatorSetIdProto { Domain = OnnxGraph.MlDomain, Version = MlOpset } },
            MetadataProps = { new StringStringEntryProto { Key = "pmml.strategy", Value = strategy?.ToString() ?? "none" } },
        };
        return model.ToByteArray();
    }

    public static void Export(PmmlEvaluator evaluator, Stream output, OnnxExportOptions? options = null) => output.Write(Export(evaluator, options));

    /// <summary>A tree model or ensemble: the columns, the trees by the strategy, the sums, then the finish.</summary>
    private static (Result, List<(OutputPlan, int[]?)>, OnnxStrategy?) Forest(OnnxGraph graph, ColumnLowering columns, TensorForest forest, OnnxStrategy requested)
    {
        var x = Matrix(graph, columns, forest);
        var strategy = Choose(requested, forest);
        var leaves = strategy switch
        {
            OnnxStrategy.Gemm => GemmTraversal.Leaves(graph, forest, x),
            OnnxStrategy.PerfectTreeTraversal => PerfectTreeTraversal.Leaves(graph, forest, x),
            _ => TreeTraversal.Leaves(graph, forest, x),
        };
        var result = new FinishLowering(graph, forest, columns).Lower(Sums(graph, forest, leaves));
        var outputs = forest.Finish.Top.Outputs.Select(o => (o, (int[]?)null)).ToList();
        if (forest.Finish.Final is { } final)
            outputs.AddRange(final.Model.Outputs.Select(o => (o, (int[]?)final.CategoryMap)));
        return (result, outputs, strategy);
    }

    /// <summary>A model with a direct graph form (no trees, so no strategy).</summary>
    private static (Result, List<(OutputPlan, int[]?)>, OnnxStrategy?) Direct(OnnxGraph graph, ColumnLowering columns, DocumentPlan plan)
    {
        var (result, outputs) = new ModelLowering(graph, columns, plan).Lower(plan.Model);
        return (result, outputs, null);
    }

    /// <summary>The strategy <see cref="OnnxStrategy.Auto"/> picks, by tree depth as Hummingbird does.</summary>
    internal static OnnxStrategy Choose(OnnxStrategy requested, TensorForest forest)
    {
        if (requested == OnnxStrategy.PerfectTreeTraversal && !PerfectTreeTraversal.Applies(forest, out var reason))
            throw new PmmlUnsupportedException($"PerfectTreeTraversal does not apply: {reason}", forest.Document.Model.Element.Location);
        if (requested != OnnxStrategy.Auto)
            return requested;
        var depth = forest.MaxDepth;
        return depth <= 3 ? OnnxStrategy.Gemm
            : depth <= 10 && PerfectTreeTraversal.Applies(forest, out _) ? OnnxStrategy.PerfectTreeTraversal
            : OnnxStrategy.TreeTraversal;
    }

    /// <summary>The columns as double [N, W]: base fields, then indicator columns.</summary>
    private static string Matrix(OnnxGraph graph, ColumnLowering columns, TensorForest forest)
    {
        var features = forest.Features;
        var values = new List<string>();
        for (var f = 0; f < features.Count; f++)
            values.Add(features.Codes(f) is { } codes ? columns.Coded(features.Slot(f), codes) : columns.Numeric(features.Slot(f)));
        foreach (var indicator in forest.Indicators)
            values.Add(Indicator(graph, indicator, values[indicator.Source]));
        if (values.Count == 0)
            throw new PmmlUnsupportedException("Not expressible in ONNX: the trees read no field", forest.Document.Model.Element.Location);
        var unsqueezed = values.Select(v => graph.Op("Unsqueeze", v, graph.Longs([1]))).ToArray();
        return unsqueezed.Length == 1 ? unsqueezed[0] : graph.Op("Concat", unsqueezed, [OnnxGraph.Int("axis", 1)]);
    }

    /// <summary>An <see cref="IndicatorColumn"/>: 1 where its test holds, 0 where not, NaN where the value is missing.</summary>
    private static string Indicator(OnnxGraph graph, IndicatorColumn indicator, string x)
    {
        var missing = graph.IsNaN(x);
        if (indicator.Op == Backends.Compiled.TestOp.IsMissing)
            return graph.Cast(missing, OnnxType.Double);
        var numbers = indicator.Numbers;
        var holds = indicator.Op == Backends.Compiled.TestOp.InRange
            ? graph.Op("And", graph.Op("GreaterOrEqual", x, graph.Double(numbers[0])), graph.Op("LessOrEqual", x, graph.Double(numbers[1])))
            : graph.Member(x, numbers);
        return graph.Where(missing, graph.Double(double.NaN), graph.Cast(holds, OnnxType.Double));
    }

    /// <summary>
    /// The running sums, double [N, R], from each tree's leaf values [N, T, L]: weighted, added per sum from its start. Float
    /// ensembles add in float32 (the order of additions is the runtime's, so results agree to float rounding).
    /// </summary>
    private static string Sums(OnnxGraph graph, TensorForest forest, string leaves)
    {
        var trees = forest.Roots.Length;
        var values = leaves;
        if (forest.Sum == SumKind.Weighted)
            values = graph.Op("Mul", values, graph.Doubles(forest.Weights, 1, trees, 1));
        var type = forest.IsFloat ? OnnxType.Float : OnnxType.Double;
        if (forest.IsFloat)
            values = graph.Cast(values, OnnxType.Float);
        string sums;
        if (forest.Offsets.All(o => o == 0))
            sums = graph.Op("ReduceSum", [values, graph.Longs([1])], [OnnxGraph.Int("keepdims", 0)]);
        else if (forest.LeafWidth == 1 && forest.Offsets.Select((o, t) => o == t).All(x => x))
            sums = graph.Op("Reshape", values, graph.Longs([0, trees]));
        else
        {
            // Trees feeding different sums (a chain's decision functions): one matrix product routes each tree to its sum.
            var routing = new double[trees * forest.RawWidth];
            for (var t = 0; t < trees; t++)
                routing[t * forest.RawWidth + forest.Offsets[t]] = 1;
            var flat = graph.Op("Reshape", values, graph.Longs([0, trees], 2));
            var route = forest.IsFloat ? graph.Floats(routing.Select(r => (float)r).ToArray(), trees, forest.RawWidth) : graph.Doubles(routing, trees, forest.RawWidth);
            sums = graph.Op("MatMul", flat, route);
        }
        var starts = forest.IsFloat ? graph.Floats(forest.Starts.Select(s => (float)s).ToArray(), 1, forest.RawWidth) : graph.Doubles(forest.Starts, 1, forest.RawWidth);
        sums = graph.Op("Add", starts, sums);
        return type == OnnxType.Float ? graph.Cast(sums, OnnxType.Double) : sums;
    }
}
