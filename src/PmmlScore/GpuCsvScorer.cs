using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using PmmlEngine.Evaluation;
using PmmlEngine.Gpu;
using PmmlEngine.Types;

namespace PmmlScore;

/// <summary>
/// <c>--device gpu</c>: the CSV in blocks through <see cref="GpuScorer"/> (the numeric batch layout: numbers, and
/// categories as their index among the field's values). One output row per input row, as on the CPU; a record the
/// model rejects keeps its row with empty results and a note in the error column.
/// </summary>
internal static class GpuCsvScorer
{
    private const int BlockRows = 1 << 20;

    public static ScoreSummary Score(PmmlEvaluator evaluator, GpuScorer gpu, TextReader input, TextWriter output, ScoreOptions options)
    {
        var inputs = evaluator.InputFields;
        var results = evaluator.ResultNames.Select(name => evaluator.TargetFields.Concat(evaluator.OutputFields).First(f => f.Name == name)).ToArray();
        var coded = results.Select(f => evaluator.TargetFields.Contains(f) && f.Values.Count > 0).ToArray();
        foreach (var field in inputs.Where(f => f.DataType == DataType.String && f.Values.Count == 0))
            throw new CsvInputException($"--device gpu reads numbers and listed categories; input '{field.Name}' is free text (score this model without --device gpu)");
        for (var j = 0; j < results.Length; j++)
            if (!coded[j] && results[j].DataType is DataType.String)
                throw new CsvInputException($"--device gpu writes numbers and target categories; result '{results[j].Name}' is text (score this model without --device gpu)");

        using var reader = new CsvReader(input, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = true, BadDataFound = null, MissingFieldFound = null }, leaveOpen: true);
        using var writer = new CsvWriter(output, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = Environment.NewLine }, leaveOpen: true);
        if (!reader.Read())
            throw new CsvInputException("the input is empty: a header row naming the input fields is required");
        reader.ReadHeader();
        var header = reader.HeaderRecord ?? [];
        var columns = inputs.Select(f => Array.IndexOf(header, f.Name)).ToArray();
        var kept = options.Keep.Select(k => Array.IndexOf(header, k) is var c and >= 0 ? c
            : throw new CsvInputException($"--keep names column '{k}', which the input does not have")).ToArray();
        foreach (var k in options.Keep) writer.WriteField(k);
        foreach (var field in results) writer.WriteField(field.Name);
        writer.WriteField(options.ErrorColumn);
        writer.NextRecord();

        long rows = 0, failed = 0;
        var block = new List<string[]>();
        while (true)
        {
            var more = reader.Read();
            if (more)
                block.Add(reader.Parser.Record ?? []);
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
            for (var r = 0; r < records.Count; r++)
                for (var i = 0; i < inputs.Count; i++)
                    batch[r * inputs.Count + i] = Encode(inputs[i], columns[i] >= 0 && columns[i] < records[r].Length ? records[r][columns[i]] : "", options);
            var scores = new double[records.Count * results.Length];
            var rejected = new bool[records.Count];
            var count = gpu.EvaluateBatch(batch, scores, rejected);
            for (var r = 0; r < records.Count; r++)
            {
                foreach (var column in kept)
                    writer.WriteField(column < records[r].Length ? records[r][column] : "");
                var row = scores.AsSpan(r * results.Length, results.Length);
                for (var j = 0; j < results.Length; j++)
                    writer.WriteField(Format(results[j], coded[j], row[j], options));
                writer.WriteField(rejected[r] ? $"row {first + r + 1}: the model rejected the record (score without --device gpu for the reason)" : "");
                writer.NextRecord();
            }
            return count;
        }
    }

    private static double Encode(FieldDescription field, string text, ScoreOptions options)
    {
        if (options.MissingInputs.Contains(text))
            return double.NaN;
        if (field.DataType == DataType.String)
        {
            for (var k = 0; k < field.Values.Count; k++)
                if (ValueFormatter.Format(field.Values[k]) == text)
                    return k;
            return -1;
        }
        return ValueParser.TryParseDouble(text, out var x) ? x : double.NaN;
    }

    private static string Format(FieldDescription field, bool coded, double x, ScoreOptions options)
    {
        if (double.IsNaN(x))
            return options.MissingOutput;
        return coded ? ValueFormatter.Format(field.Values[(int)x]) : ValueFormatter.Format(ValueFormatter.ToClr(ValueParser.Convert(Value.Of(x), field.DataType), field.DataType));
    }
}
