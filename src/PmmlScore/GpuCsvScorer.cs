using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using PmmlEngine.Evaluation;
using PmmlEngine.Gpu;
using PmmlEngine.Types;

namespace PmmlScore;

/// <summary>
/// <c>--device gpu</c>: the CSV in blocks through <see cref="GpuScorer"/> (the numeric batch layout: numbers, and
/// categories as their index among the field's values). A row the layout cannot carry exactly (text that is no value
/// of its field's type, an unlisted category) and a row the model rejects go through the record path instead, so
/// every output row, error column included, is the one <see cref="CsvScorer"/> writes.
/// </summary>
internal static class GpuCsvScorer
{
    private const int BlockRows = 1 << 20;

    public static ScoreSummary Score(PmmlEvaluator evaluator, GpuScorer gpu, TextReader input, TextWriter output, ScoreOptions options)
    {
        var inputs = evaluator.InputFields;
        var results = evaluator.ResultNames.Select(name => evaluator.TargetFields.Concat(evaluator.OutputFields).First(f => f.Name == name)).ToArray();
        var coded = results.Select(f => evaluator.TargetFields.Contains(f) && f.Values.Count > 0).ToArray();
        for (var j = 0; j < results.Length; j++)
            if (!coded[j] && results[j].DataType is DataType.String)
                throw new CsvInputException($"--device gpu writes numbers and target categories; result '{results[j].Name}' is text (score this model without --device gpu)");

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
            var more = reader.Read(rows + block.Count + 1);
            if (more)
                block.Add(reader.Record);
            if (block.Count == BlockRows || !more && block.Count > 0)
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
            gpu.EvaluateBatch(batch, scores, rejected);
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
