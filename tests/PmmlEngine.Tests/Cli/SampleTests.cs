using PmmlEngine.Evaluation;
using PmmlEngine.Tests.Conformance;
using PmmlScore;

namespace PmmlEngine.Tests.Cli;

/// <summary>The pmml-samples, scored by the CLI's scorer, against expectations computed by pmml-samples/expected.py.</summary>
public sealed class SampleTests
{
    private static readonly Tolerance Tolerance = new("rel", 1e-13);

    private static IEnumerable<string> Samples() =>
        Directory.GetFiles(TestPaths.Samples, "*.pmml").Select(Path.GetFileNameWithoutExtension).Order()!;

    [TestCaseSource(nameof(Samples))]
    public void Sample_ScoredByCli_MatchesHandComputedExpectation(string name)
    {
        var evaluator = PmmlEvaluator.Load(Path.Combine(TestPaths.Samples, name + ".pmml"));
        using var input = new StreamReader(Path.Combine(TestPaths.Samples, name + ".csv"));
        var output = new StringWriter();
        CsvScorer.Score(evaluator, input, output, new ScoreOptions());
        var actual = CsvTable.Read(new StringReader(output.ToString()));
        var expected = CsvTable.Read(Path.Combine(TestPaths.Samples, name + ".expected.csv"));

        Assert.That(actual.Header, Is.EqualTo(expected.Header));
        Assert.That(actual.Rows, Has.Count.EqualTo(expected.Rows.Count));
        var error = expected.Column("error");
        for (var row = 0; row < expected.Rows.Count; row++)
        {
            for (var column = 0; column < expected.Header.Length; column++)
            {
                if (column == error)
                    Assert.That(actual.Rows[row][column].Length > 0, Is.EqualTo(expected.Rows[row][column].Length > 0), $"row {row + 1} error: {actual.Rows[row][column]}");
                else
                    Assert.That(Tolerance.Compare(expected.Rows[row][column], actual.Rows[row][column]), Is.Null, $"row {row + 1}, {expected.Header[column]}");
            }
        }
    }
}
