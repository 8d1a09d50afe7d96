using BenchmarkDotNet.Attributes;
using PmmlEngine.Evaluation;

namespace PmmlEngine.Benchmarks;

/// <summary>
/// The generated models, one record per operation with numeric inputs (the zero-allocation path the MemoryDiagnoser
/// checks), compiled against the interpreter.
/// </summary>
[MemoryDiagnoser]
public class RowBenchmarks
{
    private const int Rows = 1024;
    private RowScorer _interpreter = null!;
    private RowScorer _compiled = null!;
    private double[] _inputs = [];
    private int _features;
    private int _results;
    private int _next;

    [Params("gbdt-500x8", "rf-100x12", "lr-20-derived", "mlp-28x64x32")]
    public string Model { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var pmml = Corpus.Generated(Model);
        var compiled = Corpus.Load(pmml, Backend.Compiled);
        _interpreter = Corpus.Load(pmml, Backend.Interpreter).CreateScorer();
        _compiled = compiled.CreateScorer();
        _features = compiled.InputFields.Count;
        _results = compiled.ResultNames.Count;
        _inputs = ModelGenerator.Matrix(Rows, _features, seed: 11);
    }

    [Benchmark(Baseline = true)]
    public double Interpreter() => Score(_interpreter);

    [Benchmark]
    public double Compiled() => Score(_compiled);

    private double Score(RowScorer scorer)
    {
        var offset = _next * _features;
        _next = (_next + 1) % Rows;
        for (var i = 0; i < _features; i++)
            scorer.SetInput(i, _inputs[offset + i]);
        scorer.Evaluate();
        return ReadAll(scorer, _results);
    }

    /// <summary>Reads every result as a number, as a caller would, without allocating.</summary>
    public static double ReadAll(RowScorer scorer, int results)
    {
        var sum = 0.0;
        for (var j = 0; j < results; j++)
            sum += scorer.GetNumber(j);
        return sum;
    }
}
