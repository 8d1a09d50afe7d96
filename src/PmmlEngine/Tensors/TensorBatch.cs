using PmmlEngine.Backends;
using PmmlEngine.Backends.Compiled;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Errors;
using PmmlEngine.Evaluation;

namespace PmmlEngine.Tensors;

/// <summary>
/// The host side of tensor scoring over the numeric batch layout of <see cref="PmmlEvaluator.EvaluateBatch"/>: rows
/// become columns (read from the inputs where the MiningSchema keeps them as they are, else checked and transformed by
/// the record path, so every treatment is the interpreter's), a device sums the trees, and each row's sums are finished
/// into its results. Rows split across the cores.
/// </summary>
internal sealed class TensorBatch(PmmlEvaluator evaluator, TensorForest forest)
{
    private const int Chunk = 4096;

    private readonly DirectColumns? _direct = DirectColumns.TryCreate(evaluator, forest.Features);

    // Otherwise a row the MiningSchema keeps as it is (or leaves missing) is read from its inputs, any other through the record.
    private readonly KeptFeatures? _kept = KeptFeatures.TryCreate(evaluator.DocumentPlan, evaluator.DocumentPlan.Model, forest.Features);

    // Without outputs (and not a chain, whose final model reads the record), finishing a row reads only its sums.
    private readonly bool _bareFinish = forest.Finish.Shape != ForestShape.Chain && forest.Finish.Top.Outputs.Length == 0;

    public TensorForest Forest => forest;

    /// <summary>Whether rows are prepared by copying their inputs (<see cref="DirectColumns"/>) rather than by the record path.</summary>
    public bool CopiesInputs => _direct is not null;

    /// <summary>The rows' columns, row-major, <see cref="TensorForest.Width"/> per row; a rejected row's are NaN and it is marked.</summary>
    public void Load(ReadOnlyMemory<double> inputs, int rows, Memory<double> columns, RowState[] states)
    {
        var inputCount = evaluator.Inputs.Count;
        var width = forest.Width;
        if (_direct is { } direct)
        {
            Chunks(rows, (first, count) =>
            {
                var input = inputs.Span;
                var output = columns.Span;
                for (var r = first; r < first + count; r++)
                {
                    var vector = output.Slice(r * width, width);
                    direct.Load(input.Slice(r * inputCount, inputCount), vector);
                    forest.ComputeIndicators(vector);
                }
            });
            Array.Fill(states, RowState.Loaded);
            return;
        }
        Chunks(rows, (first, count) =>
        {
            var row = evaluator.Engine.CreateWorkspace().Row;
            var record = _kept is null ? null : new InputRecord(evaluator.Inputs);
            for (var r = first; r < first + count; r++)
            {
                var vector = columns.Span.Slice(r * width, width);
                var line = inputs.Span.Slice(r * inputCount, inputCount);
                if (record is not null)
                {
                    BatchScorer.SetRecord(record, evaluator.Inputs, line);
                    if (_kept!.TryLoad(record, vector, missingValues: true))
                    {
                        states[r] = RowState.Loaded;
                        forest.ComputeIndicators(vector);
                        continue;
                    }
                }
                BatchScorer.SetInputs(evaluator, row, line);
                try
                {
                    evaluator.CheckInputs(row);
                    forest.Features.Load(row, vector);
                }
                catch (PmmlEvaluationException)
                {
                    vector.Fill(double.NaN);
                    states[r] = RowState.Rejected;
                    continue;
                }
                // A derived field that failed fails the record only where a walk reads it: the record path decides.
                states[r] = HasFailed(vector[..forest.Features.Count]) ? RowState.Retry : RowState.Loaded;
                forest.ComputeIndicators(vector);
            }
        });
    }

    /// <summary>
    /// Finishes each row from its sums (<see cref="TensorForest.RawWidth"/> per row); returns how many rows were
    /// rejected, and marks them in <paramref name="rejected"/> unless it is empty.
    /// </summary>
    public int Finish(ReadOnlyMemory<double> inputs, ReadOnlyMemory<double> sums, RowState[] states, Memory<double> results, Memory<bool> rejected)
    {
        var inputCount = evaluator.Inputs.Count;
        var fields = evaluator.Results;
        var resultCount = fields.Count;
        var rows = states.Length;
        var codes = BatchScorer.Codes(evaluator);
        var errors = 0;
        Chunks(rows, (first, count) =>
        {
            var row = evaluator.Engine.CreateWorkspace().Row;
            var result = new ModelResult(forest.Finish.Top.Target);
            var failed = 0;
            for (var r = first; r < first + count; r++)
            {
                var input = inputs.Span.Slice(r * inputCount, inputCount);
                var output = results.Span.Slice(r * resultCount, resultCount);
                if (states[r] == RowState.Loaded && !_bareFinish)
                    BatchScorer.SetInputs(evaluator, row, input);
                else
                    row.Reset();
                var rejects = states[r] switch
                {
                    RowState.Retry => BatchScorer.ScoreEachRow(evaluator, codes, 1, input, output) > 0,
                    RowState.Rejected => true,
                    _ => !FinishRow(row, sums.Span.Slice(r * forest.RawWidth, forest.RawWidth), result, output, codes),
                };
                if (rejects)
                {
                    output.Fill(double.NaN);
                    failed++;
                }
                if (!rejected.IsEmpty)
                    rejected.Span[r] = rejects;
            }
            Interlocked.Add(ref errors, failed);
        });
        return errors;
    }

    /// <summary>Finishes a loaded row into its results; false when the model rejects the record while finishing.</summary>
    private bool FinishRow(RowContext row, ReadOnlySpan<double> sums, ModelResult result, Span<double> output, BatchScorer.ResultCodes codes)
    {
        try
        {
            forest.Finish.Apply(row, sums, result);
            evaluator.WriteTargets(row, result.Predicted);
        }
        catch (PmmlEvaluationException)
        {
            return false;
        }
        var fields = evaluator.Results;
        for (var j = 0; j < fields.Count; j++)
            output[j] = codes.Encode(j, PmmlEvaluator.Read(row, fields[j]));
        return true;
    }

    private static bool HasFailed(ReadOnlySpan<double> vector)
    {
        foreach (var x in vector)
            if (Features.IsFailed(x))
                return true;
        return false;
    }

    private static void Chunks(int rows, Action<int, int> body) =>
        Parallel.For(0, (rows + Chunk - 1) / Chunk, c => body(c * Chunk, Math.Min(Chunk, rows - c * Chunk)));
}
