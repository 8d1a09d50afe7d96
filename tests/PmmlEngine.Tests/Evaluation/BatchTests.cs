using System.Globalization;
using PmmlEngine.Errors;
using PmmlEngine.Evaluation;
using PmmlEngine.Tests.Conformance;
using PmmlEngine.Types;

namespace PmmlEngine.Tests.Evaluation;

/// <summary>The numeric batch API (including the blocked tree-sum kernel) against one-record scoring, on every conformance model.</summary>
[TestFixture]
public sealed class BatchTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        ConformanceCase.Load().SelectMany(c => new[]
        {
            new TestCaseData(c, 7).SetName("Batch_" + c.Name.Replace('/', '_') + "_SomeMissing"),
            new TestCaseData(c, 0).SetName("Batch_" + c.Name.Replace('/', '_') + "_NoneMissing"),
        });

    /// <param name="boxed">The conformance case.</param>
    /// <param name="missingEvery">Every n-th input is made missing (0: none, so blocks take the packed, branch-free path).</param>
    [TestCaseSource(nameof(Cases))]
    public void EvaluateBatch_MatchesRowScorer(object boxed, int missingEvery)
    {
        var c = (ConformanceCase)boxed;
        PmmlEvaluator evaluator;
        try
        {
            evaluator = PmmlEvaluator.Load(c.Pmml);
        }
        catch (PmmlMarkupException e)
        {
            Assert.Fail($"the model does not load: {e.Message}");
            return;
        }
        var inputs = BatchInputs.Read(evaluator, c.Input, missingEvery);
        AssertMatchesRowScorer(evaluator, inputs);
    }

    /// <summary>
    /// Scores the rows (the batch layout) with <see cref="PmmlEvaluator.EvaluateBatch"/> on two threads and one at a time,
    /// and asserts that every result has the same bits and that the same rows are rejected.
    /// </summary>
    internal static void AssertMatchesRowScorer(PmmlEvaluator evaluator, double[] inputs)
    {
        var fields = evaluator.InputFields;
        var rows = inputs.Length / fields.Count;
        var results = new double[rows * evaluator.ResultNames.Count];
        var failed = evaluator.EvaluateBatch(inputs, results, degreeOfParallelism: 2);

        var scorer = evaluator.CreateScorer();
        var resultFields = evaluator.ResultNames.Select(name => evaluator.TargetFields.Concat(evaluator.OutputFields).First(f => f.Name == name)).ToArray();
        var rejected = 0;
        var mismatches = new List<string>();
        for (var r = 0; r < rows && mismatches.Count < 10; r++)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                var x = inputs[r * fields.Count + i];
                if (double.IsNaN(x)) scorer.SetMissing(i);
                else if (IsCoded(fields[i])) scorer.SetInput(i, x >= 0 && x < fields[i].Values.Count && x == Math.Floor(x) ? Convert.ToString(fields[i].Values[(int)x], CultureInfo.InvariantCulture) : "\u0000unknown");
                else scorer.SetInput(i, x);
            }
            try
            {
                scorer.Evaluate();
            }
            catch (PmmlEvaluationException)
            {
                rejected++;
                if (!results.AsSpan(r * evaluator.ResultNames.Count, evaluator.ResultNames.Count).ToArray().All(double.IsNaN))
                    mismatches.Add($"row {r + 1}: rejected one at a time, scored in the batch");
                continue;
            }
            for (var j = 0; j < evaluator.ResultNames.Count; j++)
            {
                var batch = results[r * evaluator.ResultNames.Count + j];
                // A listed category (a target's, a text predicted value's) is its index among the field's Values.
                var single = resultFields[j] is { Values.Count: > 0 } coded && scorer.GetValue(j) is { } category
                    ? coded.Values.ToList().FindIndex(v => Equals(v, category))
                    : scorer.GetNumber(j);
                if (BitConverter.DoubleToInt64Bits(batch) != BitConverter.DoubleToInt64Bits(single))
                    mismatches.Add($"row {r + 1} {evaluator.ResultNames[j]}: batch {batch:R}, single {single:R}");
            }
        }
        Assert.That(mismatches, Is.Empty);
        Assert.That(failed, Is.EqualTo(rejected), "rows the batch reports as rejected");
    }

    // Left out, as the numeric layout carries neither their inputs nor their results: the text model reads free text, the
    // sequence model a group field's transactions, and the association model's results are rules as text.
    private static IEnumerable<TestCaseData> Families() =>
        FamilyDocuments.All().Where(f => f.Name is not ("Text" or "Sequence" or "Association"))
            .Select(f => new TestCaseData(f.Document).SetName("Batch_Family_" + f.Name));

    /// <summary>
    /// Every model family's documents in the batch layout, on records of each field's declared values (or a few numbers)
    /// with each field in turn missing, an extreme number or another declared value: the batch must write what the row
    /// scorer does.
    /// </summary>
    [TestCaseSource(nameof(Families))]
    public void FamilyDocuments_MatchRowScorer(string document)
    {
        var evaluator = PmmlEvaluator.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document)));
        var fields = evaluator.InputFields;
        var numbers = new[] { "0", "1", "2.5", "-3", "7", "12", "1e300", "" };
        var rows = new List<double>();
        for (var k = 0; k < numbers.Length; k++)
        {
            var baseline = fields.Select((f, i) => f.Values.Count > 0 ? ValueFormatter.Format(f.Values[(k + i) % f.Values.Count]) : numbers[(k + i) % 6]).ToArray();
            for (var variant = -1; variant < fields.Count * 3; variant++)
            {
                var texts = (string[])baseline.Clone();
                if (variant >= 0)
                    texts[variant / 3] = variant % 3 == 0 ? "" : variant % 3 == 1 ? numbers[6] : baseline[(variant / 3 + 1) % baseline.Length];
                var codes = new double[fields.Count];
                if (Enumerable.Range(0, fields.Count).All(i => evaluator.TryEncodeBatchInput(i, texts[i], out codes[i])))
                    rows.AddRange(codes);
            }
        }
        var inputs = rows.ToArray();
        var results = new double[inputs.Length / fields.Count * evaluator.ResultNames.Count];
        Assert.That(evaluator.EvaluateBatch(inputs, results), Is.LessThan(inputs.Length / fields.Count), "some records are scored");
        Assert.That(results, Has.Some.Not.NaN);
        AssertMatchesRowScorer(evaluator, inputs);
    }

    /// <summary>
    /// A text output of the predicted value or its display value lists the values it takes, and the batch writes its
    /// index among them, as for a target (RapidMiner's prediction(…) and cluster outputs were NaN): decoded, every row is
    /// the training tool's expected text.
    /// </summary>
    [TestCase("rapidminer/DecisionTreeIris", "prediction(Species)", new[] { "setosa", "versicolor", "virginica", "MISSING_VALUE" })]
    [TestCase("rapidminer/NeuralNetworkIris", "prediction(Species)", new[] { "setosa", "versicolor", "virginica", "MISSING_VALUE" })]
    [TestCase("rapidminer/RuleSetAudit", "prediction(Adjusted)", new[] { "0", "1", "MISSING_VALUE" })]
    [TestCase("rapidminer/KMeansIris", "cluster", new[] { "cluster_0", "cluster_1", "cluster_2" })]
    public void TextPredictedValues_AreListedAndWrittenAsTheirIndex(string name, string output, string[] values)
    {
        var c = ConformanceCase.Load().Single(x => x.Name == name);
        var evaluator = PmmlEvaluator.Load(c.Pmml);
        Assert.That(evaluator.OutputFields.Single(f => f.Name == output).Values, Is.EqualTo(values));
        var inputs = BatchInputs.Read(evaluator, c.Input);
        var width = evaluator.ResultNames.Count;
        var results = new double[inputs.Length / evaluator.InputFields.Count * width];
        Assert.That(evaluator.EvaluateBatch(inputs, results), Is.Zero);
        var column = evaluator.ResultNames.ToList().IndexOf(output);
        var decoded = Enumerable.Range(0, results.Length / width).Select(r => results[r * width + column])
            .Select(x => double.IsNaN(x) ? "NaN" : values[(int)x]).ToArray();
        var expected = CsvTable.Read(c.Expected);
        Assert.That(decoded, Is.EqualTo(expected.Rows.Select(row => row[expected.Column(output)]).ToArray()));
    }

    /// <summary>Text no list holds (here a concatenation) has no code: no values listed, NaN in the batch.</summary>
    [Test]
    public void TextOutputsWithoutAList_AreNaN()
    {
        var evaluator = SignTree("""
            <Output>
              <OutputField name="label" optype="categorical" dataType="string" feature="transformedValue">
                <Apply function="concat"><Constant dataType="string">x=</Constant><FieldRef field="x"/></Apply>
              </OutputField>
              <OutputField name="predicted" optype="categorical" dataType="string" feature="predictedValue"/>
            </Output>
            """);
        Assert.That(evaluator.OutputFields.Select(f => f.Values.Count), Is.EqualTo(new[] { 0, 2 }));
        var results = new double[2 * 3];
        evaluator.EvaluateBatch(new[] { -1.0, 1.0 }, results);
        Assert.That(results, Is.EqualTo(new[] { 0, double.NaN, 0, 1, double.NaN, 1 }));
    }

    /// <summary>A classifier's display-value output lists each category's Targets display value, else its text.</summary>
    [Test]
    public void DisplayValueOutputs_ListTheDisplayValues()
    {
        var evaluator = SignTree("""
            <Output><OutputField name="shown" optype="categorical" dataType="string" feature="predictedDisplayValue"/></Output>
            <Targets><Target field="y"><TargetValue value="a" displayValue="Alpha"/></Target></Targets>
            """);
        Assert.That(evaluator.OutputFields[0].Values, Is.EqualTo(new[] { "Alpha", "b" }));
        var results = new double[2 * 2];
        evaluator.EvaluateBatch(new[] { -1.0, 1.0 }, results);
        Assert.That(results, Is.EqualTo(new[] { 0, 0, 1, 1 }));
        var scorer = evaluator.CreateScorer();
        scorer.SetInput(0, -1.0);
        scorer.Evaluate();
        Assert.That(scorer.GetString(1), Is.EqualTo("Alpha"));
    }

    /// <summary>A tree classifying x by its sign into y = a (negative) or b, with <paramref name="outputAndTargets"/>.</summary>
    private static PmmlEvaluator SignTree(string outputAndTargets) => PmmlEvaluator.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"""
        <PMML version="4.4" xmlns="http://www.dmg.org/PMML-4_4"><Header/>
          <DataDictionary>
            <DataField name="x" optype="continuous" dataType="double"/>
            <DataField name="y" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/></DataField>
          </DataDictionary>
          <TreeModel functionName="classification">
            <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
            {outputAndTargets}
            <Node><True/><Node score="a"><SimplePredicate field="x" operator="lessThan" value="0"/></Node><Node score="b"><True/></Node></Node>
          </TreeModel>
        </PMML>
        """)));

    private static bool IsCoded(FieldDescription field) => BatchInputs.IsCoded(field);
}
