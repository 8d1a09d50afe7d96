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

        // A model with a group field scores transactions: consecutive rows with the same group value, whose inputs are
        // passed together as collections. Every row of the transaction still gets its own output row.
        var group = evaluator.GroupField is { } groupField
            ? columns.TryGetValue(groupField, out var g) ? g : throw new CsvInputException($"the model groups rows by '{groupField}', which the input does not have")
            : -1;
        var order = group >= 0 && evaluator.OrderField is { } orderField
            ? columns.TryGetValue(orderField, out var o) ? o : throw new CsvInputException($"the model orders rows by '{orderField}', which the input does not have")
            : -1;
        // One scorer for the whole stream: inputs by position, buffers reused from row to row.
        var scorer = evaluator.CreateScorer();
        var pending = new List<string[]>();
        var single = new string[1][];
        var values = new string[results.Count];
        string? pendingKey = null;
        long rows = 0, failed = 0;
        while (Read(reader, rows + 1))
        {
            rows++;
            var record = reader.Parser.Record ?? [];
            if (group < 0)
            {
                single[0] = record;
                failed += Emit(single, rows);
            }
            else
            {
                var key = group < record.Length ? record[group] : "";
                if (pending.Count > 0 && key != pendingKey)
                {
                    failed += Emit(pending, rows - pending.Count);
                    pending.Clear();
                }
                pendingKey = key;
                pending.Add((string[])record.Clone());
            }
            if ((rows & 0xFFFF) == 0)
                options.Progress?.Invoke(rows);
        }
        if (pending.Count > 0)
            failed += Emit(pending, rows - pending.Count + 1);
        writer.Flush();
        return new ScoreSummary(rows, failed);

        // Scores one record (or one transaction of several) and writes a row per record; returns how many failed.
        int Emit(IReadOnlyList<string[]> records, long first)
        {
            for (var i = 0; i < inputs.Length; i++)
            {
                var column = inputs[i].Column;
                string? Cell(string[] record) =>
                    column >= 0 && column < record.Length && !options.MissingInputs.Contains(record[column]) ? record[column] : null;
                if (group < 0)
                    scorer.SetInput(i, Cell(records[0]));
                else if (order < 0)
                    scorer.SetInput(i, (object)records.Select(Cell).OfType<string>().ToArray());
                else
                    scorer.SetInput(i, (object)Transactions(records, order, Cell));
            }
            var error = "";
            try
            {
                scorer.Evaluate();
                for (var j = 0; j < values.Length; j++)
                    values[j] = scorer.GetValue(j) is { } value ? ValueFormatter.Format(value) : options.MissingOutput;
            }
            catch (PmmlException e)
            {
                Array.Fill(values, options.MissingOutput);
                error = records.Count == 1 ? $"row {first}: {e.Message}" : $"rows {first}-{first + records.Count - 1}: {e.Message}";
            }
            foreach (var record in records)
            {
                foreach (var column in kept)
                    writer.WriteField(column < record.Length ? record[column] : "");
                foreach (var value in values)
                    writer.WriteField(value);
                writer.WriteField(error);
                writer.NextRecord();
            }
            return error.Length == 0 ? 0 : records.Count;
        }
    }

    /// <summary>Consecutive records with the same order value form one transaction: the items as a sequence of item sets.</summary>
    private static object[] Transactions(IReadOnlyList<string[]> records, int order, Func<string[], string?> cell)
    {
        var transactions = new List<object>();
        for (var start = 0; start < records.Count;)
        {
            var key = order < records[start].Length ? records[start][order] : "";
            var end = start;
            while (end < records.Count && (order < records[end].Length ? records[end][order] : "") == key)
                end++;
            transactions.Add(records.Skip(start).Take(end - start).Select(cell).OfType<string>().ToArray());
            start = end;
        }
        return transactions.ToArray();
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
