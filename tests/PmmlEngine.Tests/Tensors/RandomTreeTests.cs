using System.Globalization;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PmmlEngine.Errors;
using PmmlEngine.Evaluation;
using PmmlEngine.Gpu;
using PmmlEngine.Onnx;

namespace PmmlEngine.Tests.Tensors;

/// <summary>
/// Random tree ensembles over every missing value strategy the tensor plan takes (none, lastPrediction,
/// nullPrediction, defaultChild) and both no-true-child strategies, with complementary splits, gaps where no child is
/// true, strict and non-strict comparisons, equalities and categorical set splits; inputs often missing, on
/// thresholds, or unseen categories. The GPU kernels (CPU accelerator) and every ONNX strategy must agree with the interpreter.
/// </summary>
[TestFixture]
public sealed class RandomTreeTests
{
    private static readonly string[] Strategies = ["none", "lastPrediction", "nullPrediction", "defaultChild"];
    private static readonly string[] Categories = ["a", "b", "c", "d", "e"];
    private const int Numeric = 4;

    private static IEnumerable<TestCaseData> Seeds() =>
        Enumerable.Range(1, 24).Select(seed => new TestCaseData(seed).SetName($"RandomTrees_{seed}"));

    [TestCaseSource(nameof(Seeds))]
    public void TensorBackends_MatchInterpreter(int seed)
    {
        var random = new Random(seed);
        var (pmml, thresholds) = Ensemble(random);
        var evaluator = Load(pmml);
        const int rows = 600;
        var numbers = new double[rows, Numeric];
        var texts = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var i = 0; i < Numeric; i++)
                numbers[r, i] = random.Next(5) switch
                {
                    0 => double.NaN,
                    1 or 2 => thresholds[random.Next(thresholds.Count)],
                    _ => Math.Round(random.NextDouble() * 10 - 5, 1),
                };
            texts[r] = random.Next(6) switch { 0 => null, 1 => "z", _ => Categories[random.Next(Categories.Length)] };
        }
        // The graph takes float32 inputs, so its reference is the interpreter given the same floats.
        var floats = new double[rows, Numeric];
        for (var r = 0; r < rows; r++)
            for (var i = 0; i < Numeric; i++)
                floats[r, i] = (float)numbers[r, i];
        var expected = Enumerable.Range(0, rows).Select(r => Expected(evaluator, floats, texts, r)).ToArray();

        // GPU, both kernels; the batch layout codes a category by its index, and has no code for an unseen one.
        var inputs = new double[rows * (Numeric + 1)];
        var fields = evaluator.InputFields;
        for (var r = 0; r < rows; r++)
            for (var i = 0; i < fields.Count; i++)
                inputs[r * fields.Count + i] = fields[i].Name == "c"
                    ? texts[r] is { } t && Array.IndexOf(Categories, t) is var k and >= 0 ? k : double.NaN
                    : numbers[r, int.Parse(fields[i].Name[1..], CultureInfo.InvariantCulture)];
        var interpreted = new double[rows];
        evaluator.EvaluateBatch(inputs, interpreted);
        foreach (var perfect in new[] { true, false })
        {
            using var gpu = GpuScorer.Create(evaluator, GpuDevice.Cpu, perfect);
            var actual = new double[rows];
            gpu.EvaluateBatch(inputs, actual);
            Assert.That(GpuKernelTests.Mismatches(evaluator, interpreted, actual), Is.Empty, $"GPU, complete trees allowed: {perfect}");
        }

        var failures = new List<string>();
        foreach (var strategy in Enum.GetValues<OnnxStrategy>())
        {
            byte[] model;
            try
            {
                model = OnnxExporter.Export(evaluator, new OnnxExportOptions { Strategy = strategy });
            }
            catch (PmmlUnsupportedException e) when (strategy is OnnxStrategy.PerfectTreeTraversal or OnnxStrategy.Gemm && e.Message.Contains("does not apply", StringComparison.Ordinal))
            {
                continue;
            }
            using var session = new InferenceSession(model);
            var feeds = new List<NamedOnnxValue>
            {
                NamedOnnxValue.CreateFromTensor("c", new DenseTensor<string>(texts.Select(t => t ?? "").ToArray(), [rows])),
            };
            for (var i = 0; i < Numeric; i++)
                feeds.Add(NamedOnnxValue.CreateFromTensor($"x{i}", new DenseTensor<float>(Enumerable.Range(0, rows).Select(r => (float)numbers[r, i]).ToArray(), [rows])));
            using var results = session.Run(feeds.Where(f => session.InputMetadata.ContainsKey(f.Name)).ToList());
            var y = results[0].AsTensor<double>();
            var mismatches = Enumerable.Range(0, rows)
                .Where(r => !(double.IsNaN(expected[r]) && double.IsNaN(y[r]) || Math.Abs(expected[r] - y[r]) <= 1e-12 * Math.Max(1, Math.Abs(expected[r]))))
                .Take(5).Select(r => $"row {r}: expected {expected[r]:R}, got {y[r]:R}").ToList();
            if (mismatches.Count > 0)
                failures.Add($"ONNX {strategy} ({session.ModelMetadata.CustomMetadataMap["pmml.strategy"]}): {string.Join("; ", mismatches)}");
        }
        Assert.That(failures, Is.Empty);
    }

    private static double Expected(PmmlEvaluator evaluator, double[,] numbers, string?[] texts, int r)
    {
        var arguments = new Dictionary<string, object?> { ["c"] = texts[r] };
        for (var i = 0; i < Numeric; i++)
            arguments[$"x{i}"] = double.IsNaN(numbers[r, i]) ? null : numbers[r, i];
        return evaluator.Evaluate(arguments)["y"] is { } v ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : double.NaN;
    }

    private static PmmlEvaluator Load(string pmml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(pmml));
        return PmmlEvaluator.Load(stream, new EvaluatorOptions { Backend = Backend.Interpreter });
    }

    /// <summary>A sum of 12 trees of depth up to 4, each with its own strategies; thresholds are one-decimal numbers, so floats and doubles disagree on them.</summary>
    internal static (string Pmml, List<double> Thresholds) Ensemble(Random random, int trees = 12)
    {
        var thresholds = new List<double>();
        var pmml = new StringBuilder("""<PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/><DataDictionary>""");
        for (var i = 0; i < Numeric; i++)
            pmml.Append(CultureInfo.InvariantCulture, $"""<DataField name="x{i}" optype="continuous" dataType="double"/>""");
        pmml.Append("""<DataField name="c" optype="categorical" dataType="string">""").AppendJoin("", Categories.Select(c => $"""<Value value="{c}"/>""")).Append("</DataField>");
        pmml.Append("""<DataField name="y" optype="continuous" dataType="double"/></DataDictionary>""");
        var schema = new StringBuilder("<MiningSchema>").AppendJoin("", Enumerable.Range(0, Numeric).Select(i => $"""<MiningField name="x{i}"/>"""))
            .Append("""<MiningField name="c" invalidValueTreatment="asIs"/></MiningSchema>""").ToString();
        pmml.Append("""<MiningModel functionName="regression"><MiningSchema><MiningField name="y" usageType="target"/>""")
            .AppendJoin("", Enumerable.Range(0, Numeric).Select(i => $"""<MiningField name="x{i}"/>""")).Append("""<MiningField name="c" invalidValueTreatment="asIs"/></MiningSchema>""");
        pmml.Append("""<Segmentation multipleModelMethod="sum" missingPredictionTreatment="returnMissing">""");
        for (var t = 0; t < trees; t++)
        {
            var strategy = Strategies[random.Next(Strategies.Length)];
            var noTrueChild = random.Next(2) == 0 ? "returnNullPrediction" : "returnLastPrediction";
            pmml.Append(CultureInfo.InvariantCulture, $"""<Segment id="{t}"><True/><TreeModel functionName="regression" missingValueStrategy="{strategy}" noTrueChildStrategy="{noTrueChild}">""").Append(schema);
            var id = 0;
            Node(pmml, random, "<True/>", depth: random.Next(1, 5), strategy == "defaultChild", thresholds, ref id);
            pmml.Append("</TreeModel></Segment>");
        }
        pmml.Append("</Segmentation></MiningModel></PMML>");
        return (pmml.ToString(), thresholds);
    }

    private static void Node(StringBuilder pmml, Random random, string predicate, int depth, bool defaultChild, List<double> thresholds, ref int id)
    {
        var me = id++;
        var score = Math.Round(random.NextDouble() * 2 - 1, 3).ToString("R", CultureInfo.InvariantCulture);
        if (depth == 0)
        {
            pmml.Append(CultureInfo.InvariantCulture, $"""<Node id="n{me}" score="{score}">{predicate}</Node>""");
            return;
        }
        var (left, right) = Split(random, thresholds);
        var children = new StringBuilder();
        var firstChild = id;
        Node(children, random, left, depth - 1, defaultChild, thresholds, ref id);
        var secondChild = id;
        Node(children, random, right, random.Next(depth), defaultChild, thresholds, ref id);
        var defaultId = defaultChild ? $""" defaultChild="n{(random.Next(2) == 0 ? firstChild : secondChild)}" """ : " ";
        pmml.Append(CultureInfo.InvariantCulture, $"""<Node id="n{me}" score="{score}"{defaultId}>{predicate}""").Append(children).Append("</Node>");
    }

    /// <summary>A binary split: complementary comparisons, a gap where neither holds, an equality, or a category set against True.</summary>
    private static (string Left, string Right) Split(Random random, List<double> thresholds)
    {
        var field = $"x{random.Next(Numeric)}";
        var t = Math.Round(random.NextDouble() * 6 - 3, 1);
        thresholds.Add(t);
        string Simple(string op, double value) => string.Create(CultureInfo.InvariantCulture, $"""<SimplePredicate field="{field}" operator="{op}" value="{value}"/>""");
        switch (random.Next(5))
        {
            case 0:
                return (Simple("lessOrEqual", t), Simple("greaterThan", t));
            case 1:
                return (Simple("lessThan", t), Simple("greaterOrEqual", t));
            case 2:
                var gap = Math.Round(t + 0.5, 1);
                thresholds.Add(gap);
                return (Simple("lessThan", t), Simple("greaterThan", gap));
            case 3:
                return (Simple("equal", t), "<True/>");
            default:
                var members = Categories.Where(_ => random.Next(2) == 0).ToArray();
                var set = $"""<SimpleSetPredicate field="c" booleanOperator="{(random.Next(2) == 0 ? "isIn" : "isNotIn")}"><Array type="string">{string.Join(" ", members)}</Array></SimpleSetPredicate>""";
                return (set, "<True/>");
        }
    }
}
