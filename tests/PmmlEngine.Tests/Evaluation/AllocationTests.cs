using PmmlEngine.Errors;
using PmmlEngine.Evaluation;
using PmmlEngine.Tests.Conformance;
using PmmlEngine.Types;

namespace PmmlEngine.Tests.Evaluation;

/// <summary>
/// The compiled row API allocates nothing per record for numeric and categorical inputs given as text (the way
/// <c>pmml-score bench</c> feeds them): after one pass has built what a model keeps from first use (category tables,
/// shared leaf results), a later pass over the same rows allocates no byte on the scoring thread. Counted bytes, not time.
/// </summary>
[TestFixture]
public sealed class AllocationTests
{
    [TestCase("sklearn-xgboost-lightgbm/DecisionTreeIris")]
    [TestCase("sklearn-xgboost-lightgbm/LogisticRegressionAudit")]
    [TestCase("sklearn-xgboost-lightgbm/GradientBoostingAudit")]
    [TestCase("sklearn-xgboost-lightgbm/RandomForestAudit")]
    [TestCase("sklearn-xgboost-lightgbm/LightGBMAudit")]
    [TestCase("sklearn-xgboost-lightgbm/XGBoostAuto")]
    public void RowScorer_WarmPass_AllocatesNothing(string name)
    {
        // The runtime may allocate on this thread now and then (tiered compilation replacing a method it is running);
        // an allocation per record shows in every pass, so one pass of several without any is the claim.
        var (allocated, records, _) = AllocatedPerPass(name, passes: 5);
        Assert.That(allocated, Has.Some.EqualTo(0L), $"bytes allocated by each pass over {records} records");
    }

    /// <summary>
    /// A text record allocates its own copies of the text (normalised, lowercased), its tokens and its bigrams' keys,
    /// 18–29 bytes per character of these documents, and nothing per n-gram table or per match: a Match object per token
    /// and fresh count tables came to 66–68 bytes per character, and on a first pass over a file each of those bytes was
    /// also memory the process touched for the first time.
    /// </summary>
    [TestCase("sklearn-xgboost-lightgbm/LogisticRegressionSentiment")]
    [TestCase("sklearn-xgboost-lightgbm/LinearSVCSentiment")]
    public void RowScorer_TextRecord_AllocatesAboutItsText(string name)
    {
        var (allocated, records, characters) = AllocatedPerPass(name, passes: 3);
        Assert.That(allocated.Min(), Is.LessThan(40 * characters), $"bytes per pass over {records} records of {characters} characters");
    }

    /// <summary>
    /// Load collects its own garbage only where records allocate, judged by priming: a text model's typical record
    /// allocates, a numeric or categorical one's does not, and such a model's load pays for no collection.
    /// </summary>
    [TestCase("sklearn-xgboost-lightgbm/LogisticRegressionSentiment", true)]
    [TestCase("sklearn-xgboost-lightgbm/DecisionTreeIris", false)]
    [TestCase("sklearn-xgboost-lightgbm/LogisticRegressionAudit", false)]
    [TestCase("sklearn-xgboost-lightgbm/LightGBMAudit", false)]
    public void Load_KnowsWhetherRecordsAllocate(string name, bool allocate)
    {
        var c = ConformanceCase.Load().Single(x => x.Name == name);
        Assert.That(PmmlEvaluator.Load(c.Pmml, new EvaluatorOptions { Backend = Backend.Compiled }).RecordsAllocate, Is.EqualTo(allocate));
    }

    /// <summary>Bytes this thread allocated in each of several passes over a conformance case's rows, after a first pass
    /// that builds what a model keeps from first use; and the number of records and of characters in their first input.</summary>
    private static (long[] Allocated, int Records, long Characters) AllocatedPerPass(string name, int passes)
    {
        var c = ConformanceCase.Load().Single(x => x.Name == name);
        var input = CsvTable.Read(c.Input);
        var evaluator = PmmlEvaluator.Load(c.Pmml, new EvaluatorOptions { Backend = Backend.Compiled });
        Assert.That(evaluator.CompilationFallbacks, Is.Empty);
        var columns = evaluator.InputFields.Select(f => input.Column(f.Name)).ToArray();
        var numeric = evaluator.ResultNames
            .Select(n => evaluator.TargetFields.Concat(evaluator.OutputFields).First(f => f.Name == n).DataType is DataType.Double or DataType.Float or DataType.Integer)
            .ToArray();
        var scorer = evaluator.CreateScorer();
        var scored = input.Rows.Where(row => Score(scorer, columns, numeric, row)).ToArray();
        Assert.That(scored, Is.Not.Empty);
        var allocated = new long[passes];
        for (var pass = 0; pass < allocated.Length; pass++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var row in scored)
                Score(scorer, columns, numeric, row);
            allocated[pass] = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        return (allocated, scored.Length, columns[0] < 0 ? 0 : scored.Sum(row => (long)row[columns[0]].Length));
    }

    // Sets the row's cells, scores and reads every result as the bench does; false for a record the model rejects.
    private static bool Score(RowScorer scorer, int[] columns, bool[] numeric, string[] row)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i] < 0 || row[columns[i]] is "" or "NA")
                scorer.SetMissing(i);
            else
                scorer.SetInput(i, row[columns[i]]);
        }
        try
        {
            scorer.Evaluate();
        }
        catch (PmmlEvaluationException)
        {
            return false;
        }
        for (var j = 0; j < numeric.Length; j++)
            _ = numeric[j] ? scorer.GetNumber(j) : scorer.GetString(j)?.Length ?? 0;
        return true;
    }
}
