using System.Globalization;
using PmmlEngine.Errors;
using PmmlEngine.Evaluation;
using PmmlEngine.Tests.Tensors;

namespace PmmlEngine.Tests.Backends;

/// <summary>
/// The random tree ensembles of <see cref="RandomTreeTests"/> (every missing value and no-true-child strategy the
/// generator writes, gaps, equalities, category sets; sums, averages and votes) through the compiled CPU backend: the
/// row scorer with its direct paths, <see cref="PmmlEvaluator.Evaluate"/> and the batch kernels must each give the
/// interpreter's results to the bit, and reject the same records.
/// </summary>
[TestFixture]
public sealed class RandomEnsembleTests
{
    private const int Rows = 600;
    private static readonly string[] CategoryTexts = ["a", "b", "c", "d", "e", "z", ""];

    private static IEnumerable<TestCaseData> Seeds() =>
        new[] { "sum", "average", "majorityVote" }.SelectMany(method => new[] { false, true }.SelectMany(asExported =>
            Enumerable.Range(1, 12).Select(seed => new TestCaseData(method, asExported, seed)
                .SetName($"RandomEnsemble_{method}{(asExported ? "_AsExported" : "")}_{seed}"))));

    /// <param name="asExported">
    /// Whether the MiningSchemas are as the converters write them, which the row scorer's direct paths take (checked);
    /// otherwise every segment keeps an invalid category as it is, which they leave to the general path.
    /// </param>
    [TestCaseSource(nameof(Seeds))]
    public void CompiledBackend_MatchesInterpreter(string method, bool asExported, int seed)
    {
        var random = new Random(seed);
        var (pmml, thresholds) = RandomTreeTests.Ensemble(random, 12, method, asExported);
        var compiled = Load(pmml, Backend.Compiled);
        var interpreter = Load(pmml, Backend.Interpreter);
        Assert.That(compiled.CompilationFallbacks, Is.Empty);
        if (asExported)
            Assert.That(method == "sum" ? compiled.DirectTreeSum : (object?)compiled.DirectForest, Is.Not.Null, "the direct path");
        var fields = compiled.InputFields;
        var rows = Enumerable.Range(0, Rows).Select(_ => fields.Select(f => f.Name == "c"
            ? CategoryTexts[random.Next(CategoryTexts.Length)]
            : random.Next(5) switch
            {
                0 => "",
                1 or 2 => thresholds[random.Next(thresholds.Count)].ToString("R", CultureInfo.InvariantCulture),
                _ => Math.Round(random.NextDouble() * 10 - 5, 1).ToString("R", CultureInfo.InvariantCulture),
            }).ToArray()).ToArray();

        var (scorer, reference) = (compiled.CreateScorer(), interpreter.CreateScorer());
        var mismatches = new List<string>();
        foreach (var row in rows)
        {
            var expected = Score(reference, compiled.ResultNames.Count, row);
            if (Score(scorer, compiled.ResultNames.Count, row) is var direct && direct != expected)
                mismatches.Add($"row scorer [{string.Join(",", row)}]:\n  {expected}\n  {direct}");
            var arguments = fields.Select((f, i) => (f.Name, Text: row[i])).ToDictionary(p => p.Name, p => (object?)p.Text);
            if (Evaluate(interpreter, arguments) is var want && Evaluate(compiled, arguments) is var got && got != want)
                mismatches.Add($"Evaluate [{string.Join(",", row)}]:\n  {want}\n  {got}");
        }
        Assert.That(mismatches.Take(5), Is.Empty, $"{mismatches.Count} differences");

        // The batch layout has no code for an unseen category, so those rows go in as missing, for both backends.
        var inputs = rows.SelectMany(row => row.Select((text, i) =>
            compiled.TryEncodeBatchInput(i, text, out var code) ? code : double.NaN)).ToArray();
        var (batch, batchReference) = (new double[Rows * compiled.ResultNames.Count], new double[Rows * compiled.ResultNames.Count]);
        Assert.That(compiled.EvaluateBatch(inputs, batch), Is.EqualTo(interpreter.EvaluateBatch(inputs, batchReference)), "rejected rows");
        Assert.That(batch.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(batchReference.Select(BitConverter.DoubleToInt64Bits)));
    }

    private static PmmlEvaluator Load(string pmml, Backend backend) =>
        PmmlEvaluator.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(pmml)), new EvaluatorOptions { Backend = backend });

    /// <summary>Every result read as a number (by its bits), as text and as a CLR value; or the rejection's message.</summary>
    private static string Score(RowScorer scorer, int results, string[] row)
    {
        for (var i = 0; i < row.Length; i++)
            scorer.SetInput(i, row[i]);
        try
        {
            scorer.Evaluate();
        }
        catch (PmmlEvaluationException e)
        {
            return "rejected: " + e.Message;
        }
        return string.Join(" | ", Enumerable.Range(0, results).Select(j =>
            $"{BitConverter.DoubleToInt64Bits(scorer.GetNumber(j)):x} {scorer.GetString(j)} {Text(scorer.GetValue(j))}"));
    }

    // Numbers by their bits, so that results equal as text are equal to the bit.
    private static string Text(object? value) =>
        value is double d ? BitConverter.DoubleToInt64Bits(d).ToString("x", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";

    private static string Evaluate(PmmlEvaluator evaluator, Dictionary<string, object?> arguments)
    {
        try
        {
            return string.Join(" | ", evaluator.Evaluate(arguments).Select(p => $"{p.Key}={Text(p.Value)}"));
        }
        catch (PmmlEvaluationException e)
        {
            return "rejected: " + e.Message;
        }
    }
}
