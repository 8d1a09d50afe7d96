using PmmlEngine.Evaluation;
using PmmlScore;

namespace PmmlEngine.Tests.Cli;

/// <summary>
/// <c>pmml-score bench</c> times the batch API only on rows its numeric layout carries: a cell it cannot carry would
/// otherwise be scored as missing, and the figure would time another model's work (an empty document, say).
/// </summary>
public sealed class ScoreBenchmarkTests
{
    [Test]
    public void FreeText_HasNoBatchFigure()
    {
        var figures = Run("text-sentiment.pmml", File.ReadAllText(Path.Combine(TestPaths.Samples, "text-sentiment.csv")));
        Assert.That(figures.BatchRowsPerSecond, Is.Null);
        Assert.That(figures.BatchLeftOut, Is.EqualTo(figures.Rows));
        Assert.That(ScoreBenchmark.Json(figures), Does.EndWith("\"batch_rows_per_s\": null}"));
        Assert.That(ScoreBenchmark.Text(figures), Does.Contain("batch, all cores   none:"));
    }

    [Test]
    public void CellsTheLayoutCannotCarry_AreLeftOutOfTheBatch()
    {
        var figures = Run("gbdt-ensemble.pmml", "age,income,sector\n25,30000,private\n40,NA,astronaut\nabc,1,public\n33,45000,\n");
        Assert.That(figures.Rows, Is.EqualTo(4));
        Assert.That(figures.BatchLeftOut, Is.EqualTo(2), "an unlisted category and text for a number");
        Assert.That(figures.BatchRowsPerSecond, Is.GreaterThan(0));
        Assert.That(ScoreBenchmark.Text(figures), Does.Contain("(2 rows left out: cells the numeric layout cannot carry)"));
    }

    [Test]
    public void EveryRowCarried_NoneLeftOut()
    {
        var figures = Run("iris-tree.pmml", File.ReadAllText(Path.Combine(TestPaths.Samples, "iris-tree.csv")));
        Assert.That(figures.BatchLeftOut, Is.Zero, "empty and NA cells are missing, as when scoring, which the layout carries");
        Assert.That(figures.Failed, Is.EqualTo(1), "the record passes reject what scoring rejects: 12.5 only");
        Assert.That(figures.BatchRowsPerSecond, Is.GreaterThan(0));
        Assert.That(ScoreBenchmark.Json(figures), Does.Match("\"batch_rows_per_s\": [0-9]+}$"));
    }

    private static ScoreBenchmark.Figures Run(string sample, string csv)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, csv);
            return ScoreBenchmark.Run(Path.Combine(TestPaths.Samples, sample), path, Backend.Auto, TimeSpan.Zero, passes: 1);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
