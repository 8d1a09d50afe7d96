using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using PmmlEngine.Errors;
using PmmlEngine.Evaluation;
using PmmlEngine.Types;

namespace PmmlScore;

/// <summary>
/// <c>pmml-score bench</c>: the figures a service sees. Load is parse + plan + compile from a cold process; a pass scores
/// every CSV row through a <see cref="RowScorer"/>, converting the CSV strings inside the timed part (its missing
/// cells told apart before, see <see cref="ReadCsv"/>) and reading every result; warm is the median of several passes
/// after a warm-up; batch is the numeric batch API on all cores, over the rows whose cells its layout carries (none of
/// a free-text document's, for one).
/// </summary>
internal static class ScoreBenchmark
{
    /// <param name="BatchRowsPerSecond">Null when no row's cells fit the numeric layout.</param>
    /// <param name="BatchLeftOut">Rows the batch left out because the numeric layout cannot carry one of their cells.</param>
    public sealed record Figures(double LoadMs, double FirstPassUsPerRow, double WarmUsPerRow, double? BatchRowsPerSecond, int BatchLeftOut, int Rows, int Failed, Backend Backend, int Fallbacks);

    public static Figures Run(string modelPath, string csvPath, Backend backend, TimeSpan warmUp, int passes)
    {
        var (header, rows) = ReadCsv(csvPath);
        var clock = Stopwatch.StartNew();
        var evaluator = PmmlEvaluator.Load(modelPath, new EvaluatorOptions { Backend = backend });
        var loadMs = clock.Elapsed.TotalMilliseconds;

        var columns = evaluator.InputFields.Select(f => Array.IndexOf(header, f.Name)).ToArray();
        var numericResults = evaluator.ResultNames.Select(name =>
            evaluator.TargetFields.Concat(evaluator.OutputFields).First(f => f.Name == name).DataType is DataType.Double or DataType.Float or DataType.Integer).ToArray();
        var scorer = evaluator.CreateScorer();
        double sink = 0;
        var failed = 0;

        double Pass()
        {
            var start = Stopwatch.GetTimestamp();
            failed = 0;
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Length; i++)
                    scorer.SetInput(i, columns[i] < 0 ? null : row[columns[i]]);
                try
                {
                    scorer.Evaluate();
                }
                catch (PmmlEvaluationException)
                {
                    failed++;
                    continue;
                }
                for (var j = 0; j < numericResults.Length; j++)
                    sink += numericResults[j] ? scorer.GetNumber(j) : scorer.GetString(j)?.Length ?? 0;
            }
            return Stopwatch.GetElapsedTime(start).TotalMicroseconds / rows.Length;
        }

        var first = Pass();
        var warmUntil = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < warmUntil)
            Pass();
        var timed = Enumerable.Range(0, passes).Select(_ => Pass()).Order().ToArray();
        var warm = timed[timed.Length / 2];
        var (batch, leftOut) = Batch(evaluator, columns, rows, warmUp);
        GC.KeepAlive(sink);
        return new Figures(loadMs, first, warm, batch, leftOut, rows.Length, failed, evaluator.Backend, evaluator.CompilationFallbacks.Count);
    }

    /// <summary>
    /// Rows per second of <see cref="PmmlEvaluator.EvaluateBatch"/> on all cores, the CSV's rows that the numeric layout
    /// carries (<see cref="PmmlEvaluator.TryEncodeBatchInput"/>) repeated to at least 200,000 rows: the best of three calls
    /// after warming up as long as the record passes did (at least one call), since the batch may run code the record
    /// passes never reached, which tiered compilation has yet to optimise. A row it cannot carry is left out rather than
    /// scored as missing, which would time another model's work; with no row left, there is no figure.
    /// </summary>
    private static (double? RowsPerSecond, int LeftOut) Batch(PmmlEvaluator evaluator, int[] columns, string?[][] rows, TimeSpan warmUp)
    {
        var width = evaluator.InputFields.Count;
        var one = new List<double>(rows.Length * width);
        var row = new double[width];
        var carried = 0;
        foreach (var cells in rows)
        {
            var fits = true;
            for (var i = 0; i < width && fits; i++)
                fits = evaluator.TryEncodeBatchInput(i, columns[i] < 0 ? null : cells[columns[i]], out row[i]);
            if (!fits)
                continue;
            one.AddRange(row);
            carried++;
        }
        if (carried == 0)
            return (null, rows.Length);
        var copies = Math.Max(1, 200_000 / carried);
        var inputs = new double[one.Count * copies];
        for (var c = 0; c < copies; c++)
            one.CopyTo(inputs, c * one.Count);
        var results = new double[carried * copies * evaluator.ResultNames.Count];
        var warmUntil = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        do
            evaluator.EvaluateBatch(inputs, results);
        while (Stopwatch.GetTimestamp() < warmUntil);
        var best = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var start = Stopwatch.GetTimestamp();
            evaluator.EvaluateBatch(inputs, results);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        return (carried * copies / best, rows.Length - carried);
    }

    /// <summary>
    /// The CSV's header and rows, a cell null where scoring reads it as missing ("", NA, N/A by default): found here,
    /// before the timed passes, as a service gets its missing values already told apart.
    /// </summary>
    private static (string[] Header, string?[][] Rows) ReadCsv(string path)
    {
        using var reader = new CsvReader(new StreamReader(path), new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        reader.Read();
        reader.ReadHeader();
        var header = reader.HeaderRecord!;
        var rows = new List<string?[]>();
        var cells = new ScoreOptions();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, header.Length).Select(i => CsvScorer.Cell(reader.Parser.Record!, i, cells)).ToArray());
        if (rows.Count == 0)
            throw new CsvInputException("the input has no rows to score");
        return (header, rows.ToArray());
    }

    public static string Json(Figures f) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"load_ms": {{f.LoadMs:F1}}, "first_pass_us_per_row": {{f.FirstPassUsPerRow:F3}}, "warm_us_per_row": {{f.WarmUsPerRow:F4}}, "batch_rows_per_s": {{(f.BatchRowsPerSecond is { } b ? b.ToString("F0", CultureInfo.InvariantCulture) : "null")}}}""");

    public static string Text(Figures f) => string.Create(CultureInfo.InvariantCulture, $"""
        backend            {f.Backend}{(f.Fallbacks > 0 ? $" ({f.Fallbacks} parts interpreted)" : "")}
        rows per pass      {f.Rows:N0}{(f.Failed > 0 ? $" ({f.Failed} rejected by the model)" : "")}
        load + compile     {f.LoadMs:F1} ms
        first pass         {f.FirstPassUsPerRow:F3} µs/row
        warm (median)      {f.WarmUsPerRow:F4} µs/row
        batch, all cores   {BatchText(f)}
        """);

    private static string BatchText(Figures f) => f.BatchRowsPerSecond switch
    {
        null => "none: no row's cells fit the numeric batch layout (text, unlisted categories)",
        var b when f.BatchLeftOut > 0 => string.Create(CultureInfo.InvariantCulture, $"{b:N0} rows/s ({f.BatchLeftOut} rows left out: cells the numeric layout cannot carry)"),
        var b => string.Create(CultureInfo.InvariantCulture, $"{b:N0} rows/s"),
    };
}
