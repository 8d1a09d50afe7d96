using PmmlEngine.Evaluation;
using PmmlEngine.Tests.Conformance;

namespace PmmlEngine.Tests.Evaluation;

/// <summary>
/// One compiled evaluator shared by several threads (the dictionary API, which keeps a workspace per thread, and one
/// RowScorer per thread) gives exactly the single-threaded results. Text models are included: their tokenizer caches
/// documents per thread.
/// </summary>
[TestFixture]
public sealed class ConcurrencyTests
{
    [TestCase("sklearn-xgboost-lightgbm/LightGBMAudit")]
    [TestCase("sklearn-xgboost-lightgbm/LogisticRegressionSentiment")]
    [TestCase("sklearn-xgboost-lightgbm/XGBoostAuto")]
    public void SharedEvaluator_ManyThreads_SameResultsAsOneThread(string name)
    {
        var c = ConformanceCase.Load().Single(x => x.Name == name);
        var evaluator = PmmlEvaluator.Load(c.Pmml);
        var input = CsvTable.Read(c.Input);
        var rows = Enumerable.Range(0, input.Rows.Count).Select(input.Arguments).ToArray();
        var expected = rows.Select(r => Describe(evaluator.Evaluate(r))).ToArray();

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            var scorer = evaluator.CreateScorer();
            // Each worker walks the rows from a different place, so threads score different documents at once.
            for (var k = 0; k < rows.Length; k++)
            {
                var i = (k + worker * 97) % rows.Length;
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

    private static string Describe(IReadOnlyDictionary<string, object?> result) => string.Join(", ", result.Select(kv => $"{kv.Key}={kv.Value}"));
}
