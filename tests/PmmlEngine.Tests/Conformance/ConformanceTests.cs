using PmmlEngine.Evaluation;
using PmmlEngine.Types;

namespace PmmlEngine.Tests.Conformance;

/// <summary>
/// Every case of the shared corpus: real PMML from real converters, with outputs computed by the training libraries.
/// A case the engine cannot pass yet fails with its reason; none is skipped.
/// </summary>
[TestFixture]
public sealed class ConformanceTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        ConformanceCase.Load().Select(c => new TestCaseData(c).SetName("Conformance_" + c.Name.Replace('/', '_')));

    [TestCaseSource(nameof(Cases))]
    public void Case_ScoredThroughPublicApi_MatchesTrainingLibrary(object boxed)
    {
        var c = (ConformanceCase)boxed;
        var evaluator = PmmlEvaluator.Load(c.Pmml);
        var input = CsvTable.Read(c.Input);
        var expected = CsvTable.Read(c.Expected);
        Assert.That(expected.Rows, Has.Count.EqualTo(input.Rows.Count), "expected and input row counts");

        var failures = new List<string>();
        var columns = expected.Header.Where(h => !c.Excluded.Contains(h)).ToArray();
        foreach (var column in columns)
            if (!evaluator.ResultNames.Contains(column))
                failures.Add($"the model produces no field '{column}' (it produces {string.Join(", ", evaluator.ResultNames)})");
        for (var row = 0; row < input.Rows.Count && failures.Count < 20; row++)
        {
            IReadOnlyDictionary<string, object?> result;
            try
            {
                result = evaluator.Evaluate(input.Arguments(row));
            }
            catch (Errors.PmmlException e)
            {
                failures.Add($"row {row + 1}: {e.Message}");
                continue;
            }
            foreach (var column in columns)
            {
                var actual = ValueFormatter.Format(result.GetValueOrDefault(column));
                var cell = expected.Rows[row][expected.Column(column)];
                if (c.Tolerance.Compare(cell is "NA" or "N/A" ? "" : cell, actual) is { } why)
                    failures.Add($"row {row + 1}, {column}: {why}");
            }
        }
        Assert.That(failures, Is.Empty, $"{c.Name} ({c.Notes}):{Environment.NewLine}" + string.Join(Environment.NewLine, failures.Take(20)));
    }
}
