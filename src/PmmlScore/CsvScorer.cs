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
        using var reader = CsvInput.Open(input);
        using var writer = new CsvWriter(output, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = Environment.NewLine }, leaveOpen: true);
        var inputs = evaluator.InputFields.Select(f => reader.Column(f.Name)).ToArray();
        var kept = reader.Kept(options.Keep);
        var results = evaluator.ResultNames;
        WriteHeader(writer, options, results);

        // A model with a group field scores transactions: consecutive rows with the same group value, whose inputs are
        // passed together as collections. Every row of the transaction still gets its own output row.
        var group = evaluator.GroupField is { } groupField
            ? reader.Has(groupField, out var g) ? g : throw new CsvInputException($"the model groups rows by '{groupField}', which the input does not have")
            : -1;
        var order = group >= 0 && evaluator.OrderField is { } orderField
            ? reader.Has(orderField, out var o) ? o : throw new CsvInputException($"the model orders rows by '{orderField}', which the input does not have")
            : -1;
        // One scorer for the whole stream: inputs by position, buffers reused from row to row.
        var scorer = evaluator.CreateScorer();
        var pending = new List<string[]>();
        var single = new string[1][];
        var values = new string[results.Count];
        string? pendingKey = null;
        long rows = 0, failed = 0;
        while (reader.Read(rows + 1))
        {
            rows++;
            var record = reader.Record;
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
                var column = inputs[i];
                if (group < 0)
                    scorer.SetInput(i, Cell(records[0], column, options));
                else if (order < 0)
                    scorer.SetInput(i, (object)records.Select(r => Cell(r, column, options)).OfType<string>().ToArray());
                else
                    scorer.SetInput(i, (object)Transactions(records, order, r => Cell(r, column, options)));
            }
            var error = Evaluate(scorer, values, options, first, records.Count);
            foreach (var record in records)
                WriteRow(writer, kept, record, values, error);
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

    /// <summary>The output header: the kept columns, the results, the error column.</summary>
    internal static void WriteHeader(CsvWriter writer, ScoreOptions options, IEnumerable<string> results)
    {
        foreach (var k in options.Keep) writer.WriteField(k);
        foreach (var name in results) writer.WriteField(name);
        writer.WriteField(options.ErrorColumn);
        writer.NextRecord();
    }

    /// <summary>One output row: the record's kept cells, the results, the error.</summary>
    internal static void WriteRow(CsvWriter writer, int[] kept, string[] record, string[] values, string error)
    {
        foreach (var column in kept)
            writer.WriteField(column < record.Length ? record[column] : "");
        foreach (var value in values)
            writer.WriteField(value);
        writer.WriteField(error);
        writer.NextRecord();
    }

    /// <summary>A record's cell for an input column: null where the column is absent, the row short, or the cell a missing marker.</summary>
    internal static string? Cell(string[] record, int column, ScoreOptions options) =>
        column >= 0 && column < record.Length && !options.MissingInputs.Contains(record[column]) ? record[column] : null;

    /// <summary>
    /// Scores the record set in the scorer into <paramref name="values"/>; returns the error column's text, naming the
    /// <paramref name="count"/> rows from <paramref name="first"/> (formatted only when there is an error).
    /// </summary>
    internal static string Evaluate(RowScorer scorer, string[] values, ScoreOptions options, long first, int count)
    {
        try
        {
            scorer.Evaluate();
            for (var j = 0; j < values.Length; j++)
                values[j] = scorer.GetValue(j) is { } value ? ValueFormatter.Format(value) : options.MissingOutput;
            return "";
        }
        catch (PmmlException e)
        {
            Array.Fill(values, options.MissingOutput);
            return count == 1 ? $"row {first}: {e.Message}" : $"rows {first}-{first + count - 1}: {e.Message}";
        }
    }
}
