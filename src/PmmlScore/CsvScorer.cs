using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using PmmlEngine.Errors;
using PmmlEngine.Evaluation;
using PmmlEngine.Types;

namespace PmmlScore;

/// <summary>
/// Streams a CSV through an evaluator: one output row per input row, whatever happens to the row. A row that cannot be
/// scored keeps its place, with empty results and the reason in the error column. Memory does not grow with the input.
/// </summary>
internal static class CsvScorer
{
    public static ScoreSummary Score(PmmlEvaluator evaluator, TextReader input, TextWriter output, ScoreOptions options)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };
        using var reader = new CsvReader(input, configuration, leaveOpen: true);
        using var writer = new CsvWriter(output, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = Environment.NewLine }, leaveOpen: true);

        if (!Read(reader, 0))
            throw new CsvInputException("the input is empty: a header row naming the input fields is required");
        var header = reader.Parser.Record ?? [];
        // A byte-order mark that reached us undecoded belongs to no column name.
        if (header.Length > 0)
            header[0] = header[0].TrimStart('\uFEFF');
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
            if (!columns.TryAdd(header[i], i))
                throw new CsvInputException($"the header names column '{header[i]}' twice (columns {columns[header[i]] + 1} and {i + 1})");
        var inputs = evaluator.InputFields.Select(f => (f.Name, Column: columns.GetValueOrDefault(f.Name, -1))).ToArray();
        var kept = options.Keep.Select(k => columns.TryGetValue(k, out var c) ? c
            : throw new CsvInputException($"--keep names column '{k}', which the input does not have")).ToArray();
        var results = evaluator.ResultNames;

        foreach (var k in options.Keep) writer.WriteField(k);
        foreach (var name in results) writer.WriteField(name);
        writer.WriteField(options.ErrorColumn);
        writer.NextRecord();

        // One scorer for the whole stream: inputs by position, buffers reused from row to row.
        var scorer = evaluator.CreateScorer();
        long rows = 0, failed = 0;
        while (Read(reader, rows + 1))
        {
            rows++;
            var record = reader.Parser.Record ?? [];
            foreach (var column in kept)
                writer.WriteField(column < record.Length ? record[column] : "");
            for (var i = 0; i < inputs.Length; i++)
            {
                var column = inputs[i].Column;
                var cell = column >= 0 && column < record.Length ? record[column] : null;
                scorer.SetInput(i, cell is null || options.MissingInputs.Contains(cell) ? null : cell);
            }
            string error;
            try
            {
                scorer.Evaluate();
                for (var j = 0; j < results.Count; j++)
                    writer.WriteField(scorer.GetValue(j) is { } value ? ValueFormatter.Format(value) : options.MissingOutput);
                error = "";
            }
            catch (PmmlException e)
            {
                failed++;
                foreach (var _ in results) writer.WriteField(options.MissingOutput);
                error = $"row {rows}: {e.Message}";
            }
            writer.WriteField(error);
            writer.NextRecord();
            if ((rows & 0xFFFF) == 0)
                options.Progress?.Invoke(rows);
        }
        writer.Flush();
        return new ScoreSummary(rows, failed);
    }

    private static bool Read(CsvReader reader, long row)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvHelperException e)
        {
            throw new CsvInputException($"CSV row {row} (line {reader.Parser.RawRow}) cannot be read: {e.Message.Split('\n')[0]}", e);
        }
    }
}
