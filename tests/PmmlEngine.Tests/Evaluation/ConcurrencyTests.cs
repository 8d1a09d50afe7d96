using PmmlEngine.Evaluation;
using PmmlEngine.Tests.Conformance;

namespace PmmlEngine.Tests.Evaluation;

/// <summary>
/// One compiled evaluator shared by several threads (the dictionary API, which keeps a workspace per thread, and one
/// RowScorer per thread) gives exactly the single-threaded results. Text models are included: their tokenizer caches
/// documents per thread; so are tree ensembles, whose compiled walks share what they keep per leaf and per category.
/// </summary>
[TestFixture]
public sealed class ConcurrencyTests
{
    private const int Threads = 16;

    [TestCase("sklearn-xgboost-lightgbm/LightGBMAudit")]
    [TestCase("sklearn-xgboost-lightgbm/LogisticRegressionSentiment")]
    [TestCase("sklearn-xgboost-lightgbm/XGBoostAuto")]
    [TestCase("sklearn-xgboost-lightgbm/RandomForestAudit")]
    [TestCase("rapidminer/KMeansIris")]
    [TestCase("rapidminer/NeuralNetworkIris")]
    [TestCase("rapidminer/RuleSetAudit")]
    public void SharedEvaluator_ManyThreads_SameResultsAsOneThread(string name)
    {
        var c = ConformanceCase.Load().Single(x => x.Name == name);
        var input = CsvTable.Read(c.Input);
        var rows = Enumerable.Range(0, input.Rows.Count).Select(input.Arguments).ToArray();
        var reference = PmmlEvaluator.Load(c.Pmml);
        var expected = rows.Select(r => Describe(reference.Evaluate(r))).ToArray();
        // A fresh evaluator for the threads: whatever a compiled model builds when records first need it is built while
        // they race.
        var evaluator = PmmlEvaluator.Load(c.Pmml);

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        // PMML_STRESS_PASSES scales this into the long stress run (docs/reliability.md: 600 passes is about 10⁶ rows per
        // thread for Audit); CI makes one pass.
        var passes = int.TryParse(Environment.GetEnvironmentVariable("PMML_STRESS_PASSES"), out var p) ? p : 1;
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, worker =>
        {
            var scorer = evaluator.CreateScorer();
            // Each worker walks the rows from a different place, so threads score different documents at once.
            for (var k = 0; k < rows.Length * passes; k++)
            {
                var i = (k + worker * 97) % rows.Length;
                if (failures.Count > 100)
                    return;
                if (worker % 2 == 0)
                {
                    var actual = Describe(evaluator.Evaluate(rows[i]));
                    if (actual != expected[i]) failures.Add($"row {i + 1} (dictionary API): {actual} != {expected[i]}");
                }
                else
                {
                    for (var f = 0; f < evaluator.InputFields.Count; f++)
                        scorer.SetInput(f, rows[i].GetValueOrDefault(evaluator.InputFields[f].Name));
                    scorer.Evaluate();
                    var actual = string.Join(", ", evaluator.ResultNames.Select((n, j) => $"{n}={scorer.GetValue(j)}"));
                    if (actual != expected[i]) failures.Add($"row {i + 1} (row scorer): {actual} != {expected[i]}");
                }
            }
        });
        Assert.That(failures.Take(5), Is.Empty, $"{failures.Count} mismatches");
    }

    private static IEnumerable<TestCaseData> Families() =>
        FamilyDocuments.All().Select(f => new TestCaseData(f.Document).SetName("SharedEvaluator_ManyThreads_" + f.Name));

    /// <summary>Every family's per-thread state (neighbour searches, rule matches, tallies) under 16 threads at once.</summary>
    [TestCaseSource(nameof(Families))]
    public void SharedFamilyEvaluator_ManyThreads_SameResultsAsOneThread(string document)
    {
        var evaluator = PmmlEvaluator.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document)));
        var numbers = new object?[] { 0.5, 1.0, 2.5, -3.0, 7.0, null };
        var rows = Enumerable.Range(0, 60).Select(k => evaluator.InputFields.ToDictionary(f => f.Name, f =>
            f.Values.Count > 0 ? f.Values[(k + f.Name.Length) % f.Values.Count] : numbers[(k * 7 + f.Name.Length) % numbers.Length])).ToArray();
        string Safe(Dictionary<string, object?> row)
        {
            try { return Describe(evaluator.Evaluate(row)); }
            catch (PmmlEngine.Errors.PmmlEvaluationException e) { return e.Message; }
        }
        var expected = rows.Select(Safe).ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, worker =>
        {
            for (var k = 0; k < rows.Length * 20; k++)
            {
                var i = (k + worker * 13) % rows.Length;
                if (Safe(rows[i]) is var actual && actual != expected[i])
                    failures.Add($"row {i}: {actual} != {expected[i]}");
            }
        });
        Assert.That(failures.Take(5), Is.Empty, $"{failures.Count} mismatches");
    }

    private static string Describe(IReadOnlyDictionary<string, object?> result) =>
        string.Join(", ", result.Select(kv => $"{kv.Key}={(kv.Value is object?[] items ? "[" + string.Join(",", items) + "]" : kv.Value)}"));
}
