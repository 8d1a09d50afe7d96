using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using PmmlEngine.Evaluation;
using PmmlEngine.Gpu;
using PmmlEngine.Types;

namespace PmmlScore;

/// <summary>
/// The CSV in blocks through the numeric batch layout (numbers, and categories as their index among the field's
/// values): on the CPU through <see cref="PmmlEvaluator.EvaluateBatch"/> on every core, with <c>--device gpu</c> through
/// <see cref="GpuScorer"/>. A row the layout cannot carry exactly (text that is no value of its field's type, an unlisted
/// category) and a row the model rejects go through the record path instead, so every output row, error column
/// included, is the one <see cref="CsvScorer"/> writes.
/// </summary>
internal static class BlockCsvScorer
{
    /// <summary>
    /// Rows per CPU block: enough for the batch kernels' blocks of 512 on every core, few enough that memory does not
    /// grow with the input.
    /// </summary>
    private const int CpuBlockRows = 1 << 14;

    private const int GpuBlockRows = 1 << 20;

    /// <summary>
    /// Whether the batch layout carries every result of the model: a listed category (a target's, a predicted value's)
    /// as its index, a number, or a boolean as 0 or 1. Other text results, transactions (a group field), and models
    /// without inputs or results (which the layout has no columns for) stream row by row through <see cref="CsvScorer"/>.
    /// </summary>
    public static bool Carries(PmmlEvaluator evaluator) =>
        evaluator.GroupField is null && evaluator.InputFields.Count > 0 && evaluator.ResultNames.Count > 0
        && Results(evaluator).All(f => IsCoded(f) || f.DataType is DataType.Double or DataType.Float or DataType.Integer or DataType.Boolean);

    /// <summary>
    /// On the CPU. A row with a missing result goes through the record path too: the layout writes NaN for a rejected
    /// record and for a result that is no number or listed category alike, where the record path tells them apart.
    /// </summary>
    public static ScoreSummary Score(PmmlEvaluator evaluator, TextReader input, TextWriter output, ScoreOptions options) =>
        Score(evaluator, CpuBlockRows, (inputs, scores, rejected) =>
        {
            evaluator.EvaluateBatch(inputs, scores);
            var width = evaluator.ResultNames.Count;
            for (var r = 0; r < rejected.Length; r++)
                rejected[r] = HasNaN(scores.AsSpan(r * width, width));
        }, input, output, options);

    /// <summary>With <c>--device gpu</c>: the model's results must all be carried (the run stops before any row otherwise).</summary>
    public static ScoreSummary Score(PmmlEvaluator evaluator, GpuScorer gpu, TextReader input, TextWriter output, ScoreOptions options)
    {
        foreach (var field in Results(evaluator))
            if (!IsCoded(field) && field.DataType is DataType.String)
                throw new CsvInputException($"--device gpu writes numbers and listed categories; result '{field.Name}' is text that lists no values (score this model without --device gpu)");
        return Score(evaluator, GpuBlockRows, (inputs, scores, rejected) => gpu.EvaluateBatch(inputs, scores, rejected), input, output, options);
    }

    private static FieldDescription[] Results(PmmlEvaluator evaluator) =>
        evaluator.ResultNames.Select(name => evaluator.TargetFields.Concat(evaluator.OutputFields).First(f => f.Name == name)).ToArray();

    /// <summary>Whether a result is written as the index of its value among the field's Values (a target's or predicted value's categories).</summary>
    private static bool IsCoded(FieldDescription field) => field.Values.Count > 0;

    private static bool HasNaN(ReadOnlySpan<double> values)
    {
        foreach (var x in values)
            if (double.IsNaN(x))
                return true;
        return false;
    }

    /// <summary>
    /// Scores blocks of <paramref name="blockRows"/> rows with <paramref name="scoreBlock"/> (inputs, results, and the
    /// rows it marks for the record path: those the model rejects).
    /// </summary>
    private static ScoreSummary Score(PmmlEvaluator evaluator, int blockRows, Action<double[], double[], bool[]> scoreBlock, TextReader input, TextWriter output, ScoreOptions options)
    {
        var inputs = evaluator.InputFields;
        var results = Results(evaluator);
        var coded = results.Select(IsCoded).ToArray();

        using var reader = CsvInput.Open(input);
        using var writer = new CsvWriter(output, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = Environment.NewLine }, leaveOpen: true);
        var columns = inputs.Select(f => reader.Column(f.Name)).ToArray();
        var kept = reader.Kept(options.Keep);
        CsvScorer.WriteHeader(writer, options, evaluator.ResultNames);
        var scorer = evaluator.CreateScorer();
        var values = new string[results.Length];

        long rows = 0, failed = 0;
        var block = new List<string[]>();
        while (true)
        {
            bool more;
            try
            {
                more = reader.Read(rows + block.Count + 1);
            }
            catch (Exception e) when (e is CsvInputException or IOException)
            {
                // The rows read before the input failed are written, as the streaming scorer writes them.
                ScoreBlock(block, rows);
                writer.Flush();
                throw;
            }
            if (more)
                block.Add(reader.Record);
            if (block.Count == blockRows || !more && block.Count > 0)
            {
                failed += ScoreBlock(block, rows);
                rows += block.Count;
                options.Progress?.Invoke(rows);
                block.Clear();
            }
            if (!more)
                break;
        }
        writer.Flush();
        return new ScoreSummary(rows, failed);

        int ScoreBlock(List<string[]> records, long first)
        {
            var batch = new double[records.Count * inputs.Count];
            var recordPath = new bool[records.Count];
            for (var r = 0; r < records.Count; r++)
                for (var i = 0; i < inputs.Count; i++)
                    recordPath[r] |= !evaluator.TryEncodeBatchInput(i, CsvScorer.Cell(records[r], columns[i], options), out batch[r * inputs.Count + i]);
            var scores = new double[records.Count * results.Length];
            var rejected = new bool[records.Count];
            scoreBlock(batch, scores, rejected);
            var errors = 0;
            for (var r = 0; r < records.Count; r++)
            {
                var record = records[r];
                var error = "";
                if (recordPath[r] || rejected[r])
                {
                    for (var i = 0; i < inputs.Count; i++)
                        scorer.SetInput(i, CsvScorer.Cell(record, columns[i], options));
                    error = CsvScorer.Evaluate(scorer, values, options, first + r + 1, 1);
                }
                else
                {
                    var row = scores.AsSpan(r * results.Length, results.Length);
                    for (var j = 0; j < results.Length; j++)
                        values[j] = Format(results[j], coded[j], row[j], options);
                }
                CsvScorer.WriteRow(writer, kept, record, values, error);
                if (error.Length > 0)
                    errors++;
            }
            return errors;
        }
    }

    private static string Format(FieldDescription field, bool coded, double x, ScoreOptions options)
    {
        if (double.IsNaN(x))
            return options.MissingOutput;
        return coded ? ValueFormatter.Format(field.Values[(int)x]) : ValueFormatter.Format(ValueFormatter.ToClr(ValueParser.Convert(Value.Of(x), field.DataType), field.DataType));
    }
}
