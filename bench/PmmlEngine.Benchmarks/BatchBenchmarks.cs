using BenchmarkDotNet.Attributes;
using PmmlEngine.Evaluation;

namespace PmmlEngine.Benchmarks;

/// <summary>
/// The numeric batch API on the generated models: 100,000 rows per invocation, reported per row, on one thread and on
/// two (the machines these figures are recorded on have two cores).
/// </summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    private const int Rows = 100_000;
    private PmmlEvaluator _evaluator = null!;
    private double[] _inputs = [];
    private double[] _results = [];

    [Params("gbdt-500x8", "rf-100x12", "lr-20-derived", "mlp-28x64x32")]
    public string Model { get; set; } = "";

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _evaluator = Corpus.Load(Corpus.Generated(Model), Backend.Compiled);
        _inputs = ModelGenerator.Matrix(Rows, _evaluator.InputFields.Count, seed: 12);
        _results = new double[Rows * _evaluator.ResultNames.Count];
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public int Batch() => _evaluator.EvaluateBatch(_inputs, _results, Threads);
}
