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
/// true, strict and non-strict comparisons, equalities and categorical set splits (empty ones too); regression sums,
/// probability averages and majority votes; inputs often missing, on thresholds, or unseen categories. The GPU kernels
/// (CPU accelerator, both layouts) and every ONNX strategy must agree with the interpreter.
/// </summary>
[TestFixture]
public sealed class RandomTreeTests
{
    private static readonly string[] Strategies = ["none", "lastPrediction", "nullPrediction", "defaultChild"];
    private static readonly string[] Categories = ["a", "b", "c", "d", "e"];
    internal static readonly string[] Classes = ["p", "q", "r"];
    private const int Numeric = 4;
    private const int Rows = 600;

    private static IEnumerable<TestCaseData> Seeds() =>
        new[] { "sum", "average", "majorityVote" }.SelectMany(method => new[] { false, true }.SelectMany(asExported =>
            Enumerable.Range(1, asExported ? 4 : 12).Select(seed => new TestCaseData(method, asExported, seed)
                .SetName($"RandomTrees_{method}{(asExported ? "_AsExported" : "")}_{seed}"))));

    [TestCaseSource(nameof(Seeds))]
    public void TensorBackends_MatchInterpreter(string method, bool asExported, int seed)
    {
        var random = new Random(seed);
        var (pmml, thresholds) = Ensemble(random, 12, method, asExported);
        var evaluator = Load(pmml);
        var numbers = new double[Rows, Numeric];
        var texts = new string?[Rows];
        for (var r = 0; r < Rows; r++)
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
        CheckGpu(evaluator, numbers, texts);
        CheckOnnx(evaluator, numbers, texts);
    }

    /// <summary>Both GPU kernels against the interpreter's batch results, to the bit. The batch layout codes a category by its index and has no code for an unseen one, so those rows pass it as missing.</summary>
    private static void CheckGpu(PmmlEvaluator evaluator, double[,] numbers, string?[] texts)
    {
        var fields = evaluator.InputFields;
        var inputs = new double[Rows * fields.Count];
        for (var r = 0; r < Rows; r++)
            for (var i = 0; i < fields.Count; i++)
                inputs[r * fields.Count + i] = fields[i].Name == "c"
                    ? texts[r] is { } t && Array.IndexOf(Categories, t) is var k and >= 0 ? k : double.NaN
                    : numbers[r, int.Parse(fields[i].Name[1..], CultureInfo.InvariantCulture)];
        var expected = new double[Rows * evaluator.ResultNames.Count];
        evaluator.EvaluateBatch(inputs, expected);
        foreach (var perfect in new[] { true, false })
        {
            using var gpu = GpuScorer.Create(evaluator, GpuDevice.Cpu, perfect);
            var actual = new double[expected.Length];
            gpu.EvaluateBatch(inputs, actual);
            Assert.That(GpuKernelTests.Mismatches(evaluator, expected, actual), Is.Empty, $"GPU, complete trees allowed: {perfect}");
        }
    }

    /// <summary>Every ONNX strategy against the interpreter given the same float32 inputs (the graph's input type).</summary>
    private static void CheckOnnx(PmmlEvaluator evaluator, double[,] numbers, string?[] texts)
    {
        var expected = Enumerable.Range(0, Rows).Select(r =>
        {
            var arguments = new Dictionary<string, object?> { ["c"] = texts[r] };
            for (var i = 0; i < Numeric; i++)
                arguments[$"x{i}"] = double.IsNaN(numbers[r, i]) ? null : (double)(float)numbers[r, i];
            return evaluator.Evaluate(arguments);
        }).ToArray();
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
            var feeds = new List<NamedOnnxValue> { NamedOnnxValue.CreateFromTensor("c", new DenseTensor<string>(texts.Select(t => t ?? "").ToArray(), [Rows])) };
            for (var i = 0; i < Numeric; i++)
                feeds.Add(NamedOnnxValue.CreateFromTensor($"x{i}", new DenseTensor<float>(Enumerable.Range(0, Rows).Select(r => (float)numbers[r, i]).ToArray(), [Rows])));
            using var results = session.Run(feeds.Where(f => session.InputMetadata.ContainsKey(f.Name)).ToList());
            foreach (var result in results)
            {
                for (var r = 0; r < Rows; r++)
                {
                    var want = expected[r][result.Name];
                    if (result.ElementType == TensorElementType.String)
                    {
                        if (result.AsTensor<string>()[r] != (want is null ? "" : Convert.ToString(want, CultureInfo.InvariantCulture)))
                            failures.Add($"{strategy} row {r} {result.Name}: expected '{want}', got '{result.AsTensor<string>()[r]}'");
                        continue;
                    }
                    var number = want is null ? double.NaN : Convert.ToDouble(want, CultureInfo.InvariantCulture);
                    var got = result.AsTensor<double>()[r];
                    if (!(double.IsNaN(number) && double.IsNaN(got) || Math.Abs(number - got) <= 1e-12 * Math.Max(1, Math.Abs(number))))
                        failures.Add($"{strategy} row {r} {result.Name}: expected {number:R}, got {got:R}");
                }
            }
        }
        Assert.That(failures.Take(10), Is.Empty);
    }

    private static PmmlEvaluator Load(string pmml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(pmml));
        return PmmlEvaluator.Load(stream, new EvaluatorOptions { Backend = Backend.Interpreter });
    }

    /// <summary>
    /// An ensemble of trees of depth up to 4, each with its own strategies: regression trees summed, or classification
    /// trees (leaves with record counts per class) averaged or voting. Thresholds are one-decimal numbers, so floats
    /// and doubles disagree on them. An unseen category is kept as it is by every MiningSchema, or with
    /// <paramref name="asExported"/> treated as missing by the top one alone, as the XGBoost and LightGBM converters
    /// write it (segments then list their fields plainly).
    /// </summary>
    internal static (string Pmml, List<double> Thresholds) Ensemble(Random random, int trees, string method, bool asExported = false)
    {
        var classification = method != "sum";
        var function = classification ? "classification" : "regression";
        var thresholds = new List<double>();
        var pmml = new StringBuilder("""<PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/><DataDictionary>""")
            .Append(DataFields(classification)).Append("</DataDictionary>");
        var numbers = string.Concat(Enumerable.Range(0, Numeric).Select(i => $"""<MiningField name="x{i}"/>"""));
        var fields = numbers + (asExported ? """<MiningField name="c"/>""" : """<MiningField name="c" invalidValueTreatment="asIs"/>""");
        var topFields = asExported ? numbers + """<MiningField name="c" invalidValueTreatment="asMissing"/>""" : fields;
        pmml.Append(CultureInfo.InvariantCulture, $"""<MiningModel functionName="{function}"><MiningSchema><MiningField name="y" usageType="target"/>{topFields}</MiningSchema>""");
        if (classification)
            pmml.Append("<Output>").AppendJoin("", Classes.Select(c => $"""<OutputField name="probability({c})" optype="continuous" dataType="double" feature="probability" value="{c}"/>""")).Append("</Output>");
        pmml.Append(CultureInfo.InvariantCulture, $"""<Segmentation multipleModelMethod="{method}" missingPredictionTreatment="returnMissing">""");
        Trees(pmml, random, trees, classification, fields, thresholds);
        pmml.Append("</Segmentation></MiningModel></PMML>");
        return (pmml.ToString(), thresholds);
    }

    /// <summary>
    /// The DataDictionary's fields: <see cref="Numeric"/> numbers x0…, the categories c, and the target y (the first
    /// <paramref name="classes"/> of <see cref="Classes"/> for classification).
    /// </summary>
    internal static string DataFields(bool classification, int classes = 3) =>
        string.Concat(Enumerable.Range(0, Numeric).Select(i => $"""<DataField name="x{i}" optype="continuous" dataType="double"/>"""))
        + """<DataField name="c" optype="categorical" dataType="string">""" + string.Concat(Categories.Select(c => $"""<Value value="{c}"/>""")) + "</DataField>"
        + (classification
            ? """<DataField name="y" optype="categorical" dataType="string">""" + string.Concat(Classes[..classes].Select(c => $"""<Value value="{c}"/>""")) + "</DataField>"
            : """<DataField name="y" optype="continuous" dataType="double"/>""");

    /// <summary>Random trees as segments, each with its own strategies, over the MiningFields <paramref name="fields"/>.</summary>
    internal static void Trees(StringBuilder pmml, Random random, int trees, bool classification, string fields, List<double> thresholds)
    {
        var function = classification ? "classification" : "regression";
        for (var t = 0; t < trees; t++)
        {
            var strategy = Strategies[random.Next(Strategies.Length)];
            var noTrueChild = random.Next(2) == 0 ? "returnNullPrediction" : "returnLastPrediction";
            pmml.Append(CultureInfo.InvariantCulture, $"""<Segment id="{t}"><True/><TreeModel functionName="{function}" missingValueStrategy="{strategy}" noTrueChildStrategy="{noTrueChild}">""")
                .Append("<MiningSchema>").Append(classification ? """<MiningField name="y" usageType="target"/>""" : "").Append(fields).Append("</MiningSchema>");
            var id = 0;
            Node(pmml, random, "<True/>", depth: random.Next(1, 5), strategy == "defaultChild", classification, thresholds, ref id);
            pmml.Append("</TreeModel></Segment>");
        }
    }

    private static void Node(StringBuilder pmml, Random random, string predicate, int depth, bool defaultChild, bool classification, List<double> thresholds, ref int id)
    {
        var me = id++;
        string score;
        var distribution = "";
        if (classification)
        {
            var counts = Classes.Select(_ => random.Next(1, 20)).ToArray();
            score = Classes[Array.IndexOf(counts, counts.Max())];
            distribution = string.Concat(Classes.Select((c, k) => $"""<ScoreDistribution value="{c}" recordCount="{counts[k]}"/>"""));
        }
        else
            score = Math.Round(random.NextDouble() * 2 - 1, 3).ToString("R", CultureInfo.InvariantCulture);
        if (depth == 0)
        {
            pmml.Append(CultureInfo.InvariantCulture, $"""<Node id="n{me}" score="{score}">{predicate}{distribution}</Node>""");
            return;
        }
        var (left, right) = Split(random, thresholds);
        var children = new StringBuilder();
        var firstChild = id;
        Node(children, random, left, depth - 1, defaultChild, classification, thresholds, ref id);
        var secondChild = id;
        Node(children, random, right, random.Next(depth), defaultChild, classification, thresholds, ref id);
        var defaultId = defaultChild ? $""" defaultChild="n{(random.Next(2) == 0 ? firstChild : secondChild)}" """ : " ";
        pmml.Append(CultureInfo.InvariantCulture, $"""<Node id="n{me}" score="{score}"{defaultId}>{predicate}{distribution}""").Append(children).Append("</Node>");
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
