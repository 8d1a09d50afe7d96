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
                var target = evaluator.TargetFields.FirstOrDefault(t => t.Name == evaluator.ResultNames[j]);
                var single = target is { Values.Count: > 0 } && scorer.GetValue(j) is { } category
                    ? target.Values.ToList().FindIndex(v => Equals(v, category))
                    : scorer.GetNumber(j);
                if (BitConverter.DoubleToInt64Bits(batch) != BitConverter.DoubleToInt64Bits(single))
                    mismatches.Add($"row {r + 1} {evaluator.ResultNames[j]}: batch {batch:R}, single {single:R}");
            }
        }
        Assert.That(mismatches, Is.Empty);
        Assert.That(failed, Is.EqualTo(rejected), "rows the batch reports as rejected");
    }

    private static bool IsCoded(FieldDescription field) => BatchInputs.IsCoded(field);
}
