using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PmmlEngine.Errors;
using PmmlEngine.Evaluation;
using PmmlEngine.Onnx;
using PmmlEngine.Tests.Conformance;
using PmmlEngine.Types;

namespace PmmlEngine.Tests.Tensors;

/// <summary>
/// Every conformance tree model exported with each strategy and run in onnxruntime (CPU) against the interpreter fed
/// the same float32 inputs: double graphs agree to 1e-12, float (XGBoost) graphs to float rounding; labels exactly;
/// records the interpreter rejects come back as NaN and "".
/// </summary>
[TestFixture]
public sealed class OnnxExportTests
{
    private static IEnumerable<TestCaseData> Covered() => TensorCases.Covered().Where(c => !TensorCases.OnnxRefused.ContainsKey(c.Name))
        .Concat(ConformanceCase.Load().Where(c => TensorCases.OnnxDirect.Contains(c.Name))).SelectMany(c =>
        Enum.GetValues<OnnxStrategy>().Select(s => new TestCaseData(c, s, 0).SetName($"Onnx_{s}_{c.Name.Replace('/', '_')}"))
            .Append(new TestCaseData(c, OnnxStrategy.Auto, 5).SetName($"Onnx_Auto_{c.Name.Replace('/', '_')}_SomeMissing")));

    private static IEnumerable<TestCaseData> Refused() =>
        ConformanceCase.Load().Where(c => (TensorCases.Refused.ContainsKey(c.Name) || TensorCases.OnnxRefused.ContainsKey(c.Name)) && !TensorCases.OnnxDirect.Contains(c.Name))
            .Select(c => new TestCaseData(c).SetName("OnnxRefuses_" + c.Name.Replace('/', '_')));

    [TestCaseSource(nameof(Covered))]
    /// <param name="missingEvery">Every n-th input cell is made missing (0: none).</param>
    public void Export_RunsInOnnxRuntime_AndMatchesInterpreter(object boxed, OnnxStrategy strategy, int missingEvery)
    {
        var c = (ConformanceCase)boxed;
        var evaluator = PmmlEvaluator.Load(c.Pmml, new EvaluatorOptions { Backend = Backend.Interpreter });
        byte[] model;
        try
        {
            model = OnnxExporter.Export(evaluator, new OnnxExportOptions { Strategy = strategy });
        }
        catch (PmmlUnsupportedException e) when (strategy is OnnxStrategy.Gemm or OnnxStrategy.PerfectTreeTraversal && e.Message.Contains("does not apply", StringComparison.Ordinal))
        {
            // A strategy that does not fit this model says why; Auto and TreeTraversal must export every covered model.
            Assert.That(e.Message, Does.Contain(strategy == OnnxStrategy.Gemm ? "GEMM" : "PerfectTreeTraversal"));
            return;
        }
        using var session = new InferenceSession(model);
        var table = CsvTable.Read(c.Input);
        var rows = table.Rows.Count;
        var inputs = new List<NamedOnnxValue>();
        foreach (var (name, meta) in session.InputMetadata)
        {
            var column = table.Column(name);
            var position = inputs.Count;
            string Cell(int r) => column < 0 || table.Rows[r][column] is "NA" or "N/A" || missingEvery > 0 && (r + position) % missingEvery == 0 ? "" : table.Rows[r][column];
            inputs.Add(meta.ElementDataType == TensorElementType.String
                ? NamedOnnxValue.CreateFromTensor(name, new DenseTensor<string>(Enumerable.Range(0, rows).Select(Cell).ToArray(), [rows]))
                : NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(Enumerable.Range(0, rows).Select(r => ToFloat(Cell(r))).ToArray(), [rows])));
        }
        using var outputs = session.Run(inputs);
        var byName = outputs.ToDictionary(o => o.Name);
        Assert.That(byName.Keys, Is.EquivalentTo(evaluator.ResultNames), "one output per target and output field");

        var relative = evaluator.DocumentPlan.Model.IsFloat || evaluator.Models.Any(m => m.MathContext == Model.MathContext.Float) ? 1e-5 : 1e-12;
        var mismatches = new List<string>();
        for (var r = 0; r < rows && mismatches.Count < 10; r++)
        {
            var arguments = new Dictionary<string, object?>();
            foreach (var input in inputs)
            {
                var cell = input.Value is Tensor<string> text ? (object?)text[r] : input.AsTensor<float>()[r];
                arguments[input.Name] = cell is "" ? null : cell is float f ? float.IsNaN(f) ? null : (double)f : cell;
            }
            IReadOnlyDictionary<string, object?> expected;
            try
            {
                expected = evaluator.Evaluate(arguments);
            }
            catch (PmmlEvaluationException)
            {
                foreach (var (name, value) in byName)
                    if (value.ElementType == TensorElementType.String ? value.AsTensor<string>()[r] != "" : !double.IsNaN(value.AsTensor<double>()[r]))
                        mismatches.Add($"row {r + 1} {name}: rejected by the interpreter, scored by the graph");
                continue;
            }
            foreach (var (name, value) in byName)
            {
                var want = expected[name];
                if (value.ElementType == TensorElementType.String)
                {
                    var got = value.AsTensor<string>()[r];
                    if (got != (want is null ? "" : Convert.ToString(want, CultureInfo.InvariantCulture)))
                        mismatches.Add($"row {r + 1} {name}: expected '{want}', got '{got}'");
                    continue;
                }
                var actual = value.AsTensor<double>()[r];
                var number = want is null ? double.NaN : Convert.ToDouble(want, CultureInfo.InvariantCulture);
                if (double.IsNaN(number) != double.IsNaN(actual) || !double.IsNaN(number) && Math.Abs(actual - number) > relative * Math.Max(1, Math.Abs(number)))
                    mismatches.Add($"row {r + 1} {name}: expected {number:R}, got {actual:R}");
            }
        }
        Assert.That(mismatches, Is.Empty);
    }

    /// <summary>
    /// Records the interpreter rejects (an Age outside its interval, an Employment outside its values, both under the
    /// default returnInvalid) come back as NaN probabilities and an empty label; the other rows are scored.
    /// </summary>
    [Test]
    public void Export_RejectedRecords_GiveNaNAndEmptyLabels()
    {
        var c = ConformanceCase.Load().First(k => k.Name == "sklearn-xgboost-lightgbm/GradientBoostingAudit");
        var evaluator = PmmlEvaluator.Load(c.Pmml);
        using var session = new InferenceSession(OnnxExporter.Export(evaluator));
        var table = CsvTable.Read(c.Input);
        const int rows = 6;
        // Rows 0, 4 and 5 as given; 1: Age 90 (above the interval), 2: Age 10, 3: Employment "Astronaut".
        string Cell(int r, string name) => (r, name) switch
        {
            (1, "Age") => "90",
            (2, "Age") => "10",
            (3, "Employment") => "Astronaut",
            _ => table.Rows[r][table.Column(name)],
        };
        var feeds = session.InputMetadata.Select(i => i.Value.ElementDataType == TensorElementType.String
            ? NamedOnnxValue.CreateFromTensor(i.Key, new DenseTensor<string>(Enumerable.Range(0, rows).Select(r => Cell(r, i.Key)).ToArray(), [rows]))
            : NamedOnnxValue.CreateFromTensor(i.Key, new DenseTensor<float>(Enumerable.Range(0, rows).Select(r => ToFloat(Cell(r, i.Key))).ToArray(), [rows]))).ToList();
        using var outputs = session.Run(feeds);
        var label = outputs.First(o => o.Name == "Adjusted").AsTensor<string>();
        var probability = outputs.First(o => o.Name == "probability(1)").AsTensor<double>();
        for (var r = 0; r < rows; r++)
        {
            var rejected = r is 1 or 2 or 3;
            Assert.That(label[r] == "", Is.EqualTo(rejected), $"row {r} label '{label[r]}'");
            Assert.That(double.IsNaN(probability[r]), Is.EqualTo(rejected), $"row {r} probability {probability[r]}");
        }
    }

    /// <summary>Declared missing markers (a number and a text) are missing values in the graph, as in the interpreter.</summary>
    [Test]
    public void Export_MissingMarkers_AreMissingValues()
    {
        const string pmml = """
            <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/><DataDictionary>
              <DataField name="x" optype="continuous" dataType="double"><Value value="-999" property="missing"/></DataField>
              <DataField name="c" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/><Value value="NA" property="missing"/></DataField>
              <DataField name="y" optype="continuous" dataType="double"/></DataDictionary>
            <TreeModel functionName="regression" missingValueStrategy="lastPrediction">
              <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x"/><MiningField name="c"/></MiningSchema>
              <Node score="0"><True/>
                <Node score="1"><SimplePredicate field="x" operator="lessOrEqual" value="0"/>
                  <Node score="2"><SimplePredicate field="c" operator="equal" value="a"/></Node>
                  <Node score="3"><SimplePredicate field="c" operator="notEqual" value="a"/></Node>
                </Node>
                <Node score="4"><SimplePredicate field="x" operator="greaterThan" value="0"/></Node>
              </Node>
            </TreeModel></PMML>
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(pmml));
        var evaluator = PmmlEvaluator.Load(stream, new EvaluatorOptions { Backend = Backend.Interpreter });
        using var session = new InferenceSession(OnnxExporter.Export(evaluator));
        float[] x = [-999, -999, -5, -5, 5, float.NaN];
        string[] c = ["a", "NA", "NA", "b", "", "a"];
        using var outputs = session.Run([
            NamedOnnxValue.CreateFromTensor("x", new DenseTensor<float>(x, [x.Length])),
            NamedOnnxValue.CreateFromTensor("c", new DenseTensor<string>(c, [c.Length])),
        ]);
        var y = outputs[0].AsTensor<double>();
        for (var r = 0; r < x.Length; r++)
        {
            var expected = evaluator.Evaluate(new Dictionary<string, object?>
            {
                ["x"] = float.IsNaN(x[r]) ? null : Convert.ToString((double)x[r], CultureInfo.InvariantCulture),
                ["c"] = c[r] == "" ? null : c[r],
            })["y"];
            Assert.That(y[r], Is.EqualTo(Convert.ToDouble(expected, CultureInfo.InvariantCulture)), $"row {r}: x={x[r]}, c='{c[r]}'");
        }
    }

    /// <summary>A refusal inside an OutputField's expression names the OutputField and its line.</summary>
    [Test]
    public void Export_UntranslatedOutputExpression_IsRefusedAtTheOutputField()
    {
        const string pmml = """
            <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/><DataDictionary>
              <DataField name="x" optype="continuous" dataType="double"/><DataField name="y" optype="continuous" dataType="double"/></DataDictionary>
            <TreeModel functionName="regression">
              <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x"/></MiningSchema>
              <Output>
                <OutputField name="band" optype="categorical" dataType="string" feature="transformedValue">
                  <Discretize field="x"><DiscretizeBin binValue="low"><Interval closure="openClosed" rightMargin="0"/></DiscretizeBin></Discretize>
                </OutputField>
              </Output>
              <Node score="0"><True/><Node score="1"><SimplePredicate field="x" operator="lessOrEqual" value="0"/></Node></Node>
            </TreeModel></PMML>
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(pmml));
        var error = Assert.Throws<PmmlUnsupportedException>(() => OnnxExporter.Export(PmmlEvaluator.Load(stream)))!;
        Assert.That(error.Message, Does.Contain("Discretize").And.Contain("OutputField 'band'"));
        Assert.That(error.Location.Line, Is.EqualTo(6));
    }

    [TestCaseSource(nameof(Refused))]
    public void Export_ModelsOutsideThePlan_AreRefusedWithTheReason(object boxed)
    {
        var c = (ConformanceCase)boxed;
        var error = Assert.Throws<PmmlUnsupportedException>(() => OnnxExporter.Export(PmmlEvaluator.Load(c.Pmml)))!;
        Assert.That(error.Message, Does.Contain(TensorCases.OnnxRefused.GetValueOrDefault(c.Name) ?? TensorCases.Refused[c.Name]));
    }

    private static float ToFloat(string text) =>
        text.Length > 0 && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? (float)x : float.NaN;
}
