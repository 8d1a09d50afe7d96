using BenchmarkDotNet.Attributes;
using PmmlEngine.Evaluation;

namespace PmmlEngine.Benchmarks;

/// <summary>
/// One record per operation through <see cref="RowScorer"/>, inputs given as the CSV's strings (parsed inside the timed
/// part, as a service receives them), cycling over the model's input file. Compiled against the interpreter in one run.
/// </summary>
[MemoryDiagnoser]
public class ConformanceBenchmarks
{
    private RowScorer _interpreter = null!;
    private RowScorer _compiled = null!;
    private string?[][] _rows = [];
    private int _results;
    private int _next;

    [Params("DecisionTreeIris", "LogisticRegressionAudit", "GradientBoostingAudit", "RandomForestAudit", "LightGBMAudit", "XGBoostAuto", "LogisticRegressionSentiment")]
    public string Model { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var interpreter = PmmlEvaluator.Load(Corpus.ConformanceModel(Model), new EvaluatorOptions { Backend = Backend.Interpreter });
        var compiled = PmmlEvaluator.Load(Corpus.ConformanceModel(Model));
        _interpreter = interpreter.CreateScorer();
        _compiled = compiled.CreateScorer();
        _rows = Corpus.Rows(Corpus.ConformanceInput(Model), compiled);
        _results = compiled.ResultNames.Count;
    }

    [Benchmark(Baseline = true)]
    public double Interpreter() => Score(_interpreter);

    [Benchmark]
    public double Compiled() => Score(_compiled);

    private double Score(RowScorer scorer)
    {
        var row = _rows[_next];
        _next = (_next + 1) % _rows.Length;
        for (var i = 0; i < row.Length; i++)
            scorer.SetInput(i, row[i]);
        try
        {
            scorer.Evaluate();
        }
        catch (Errors.PmmlEvaluationException)
        {
            return double.NaN;
        }
        return RowBenchmarks.ReadAll(scorer, _results);
    }
}
