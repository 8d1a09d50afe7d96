using PmmlEngine.Errors;
using PmmlEngine.Evaluation;
using PmmlEngine.Tests.Conformance;
using PmmlEngine.Types;

namespace PmmlEngine.Tests.Backends;

/// <summary>
/// The compiled backend against the interpreter on every conformance model: the recorded rows, then the same rows with
/// each input missing, unreadable, an unseen category or an extreme number. Results must be identical to the bit, and a
/// record one backend rejects must be rejected by the other with the same message. The compiled backend is asked twice:
/// through <see cref="PmmlEvaluator.Evaluate"/> and through a <see cref="RowScorer"/>, which scores a single tree or
/// regression straight from its inputs (DirectTree, DirectRegression).
/// </summary>
[TestFixture]
public sealed class DifferentialTests
{
    private const int Rows = 100;
    private const int PerturbedRows = 15;
    private static readonly string[] NumericVariants = ["", "not-a-number", "1e308", "-1e308", "0", "-0", "NaN", "Infinity", "-1", "123456789.125"];
    private static readonly string[] CategoricalVariants = ["", "__unseen__", "0", " "];

    private static IEnumerable<TestCaseData> Cases() =>
        ConformanceCase.Load().Select(c => new TestCaseData(c).SetName("Differential_" + c.Name.Replace('/', '_')));

    [TestCaseSource(nameof(Cases))]
    public void Compiled_AgreesWithInterpreter(object boxed)
    {
        var c = (ConformanceCase)boxed;
        PmmlEvaluator interpreter, compiled;
        try
        {
            interpreter = PmmlEvaluator.Load(c.Pmml, new EvaluatorOptions { Backend = Backend.Interpreter });
        }
        catch (PmmlMarkupException e)
        {
            // A document neither backend can load: the compiled one must refuse it with the same problems.
            var refusal = Assert.Throws<PmmlMarkupException>(() => PmmlEvaluator.Load(c.Pmml));
            Assert.That(refusal!.Message, Is.EqualTo(e.Message));
            return;
        }
        compiled = PmmlEvaluator.Load(c.Pmml);
        Assert.That(compiled.Backend, Is.EqualTo(Backend.Compiled));
        Assert.That(compiled.CompilationFallbacks, Is.Empty, "every conformance model compiles whole");

        var input = CsvTable.Read(c.Input);
        var thresholds = Thresholds(File.ReadAllText(c.Pmml));
        var mismatches = new List<string>();
        var records = 0;
        var scorer = compiled.CreateScorer();
        foreach (var (label, arguments) in Records(input, compiled, thresholds))
        {
            records++;
            var expected = Score(interpreter, arguments);
            var actual = Score(compiled, arguments);
            if (expected != actual)
                mismatches.Add($"{label}:\n  interpreter {expected}\n  compiled    {actual}");
            var scored = Score(scorer, compiled, arguments);
            if (expected != scored)
                mismatches.Add($"{label}:\n  interpreter {expected}\n  row scorer  {scored}");
            if (mismatches.Count >= 10)
                break;
        }
        Assert.That(mismatches, Is.Empty, $"{mismatches.Count} of {records} records differ");
    }

    private static IEnumerable<TestCaseData> Families() =>
        Evaluation.FamilyDocuments.All().Select(f => new TestCaseData(f.Document).SetName("Differential_Family_" + f.Name));

    /// <summary>
    /// The family tests' documents, scored on records built from their input fields: each declared value (or a few
    /// numbers), then every field in turn set to each variant: missing, unreadable, unseen, extreme.
    /// </summary>
    [TestCaseSource(nameof(Families))]
    public void Compiled_AgreesWithInterpreter_OnEveryFamily(string document)
    {
        var interpreter = PmmlEvaluator.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document)), new EvaluatorOptions { Backend = Backend.Interpreter });
        var compiled = PmmlEvaluator.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document)));
        Assert.That(compiled.CompilationFallbacks, Is.Empty);
        var numbers = new[] { "0", "1", "2.5", "-3", "7", "12" };
        var mismatches = new List<string>();
        var records = 0;
        for (var k = 0; k < numbers.Length; k++)
        {
            var baseline = compiled.InputFields.ToDictionary(f => f.Name, f => (object?)(f.Values.Count > 0
                ? PmmlEngine.Types.ValueFormatter.Format(f.Values[k % f.Values.Count]) : numbers[(k + f.Name.Length) % numbers.Length]));
            var recordsOf = new List<(string, Dictionary<string, object?>)> { ($"base {k}", baseline) };
            foreach (var field in compiled.InputFields)
                foreach (var variant in field.OpType == OpType.Continuous ? NumericVariants : CategoricalVariants)
                    recordsOf.Add(($"base {k} with {field.Name}='{variant}'", new Dictionary<string, object?>(baseline) { [field.Name] = variant }));
            foreach (var (label, arguments) in recordsOf)
            {
                records++;
                var expected = Score(interpreter, arguments);
                var actual = Score(compiled, arguments);
                if (expected != actual)
                    mismatches.Add($"{label}:\n  interpreter {expected}\n  compiled    {actual}");
            }
        }
        Assert.That(mismatches.Take(10), Is.Empty, $"{mismatches.Count} of {records} records differ");
    }

    /// <summary>
    /// Constants the model compares each field with, and the float32 neighbours of each: values on and next to split
    /// points, where rewriting a comparison could change its outcome. A cast chain's constants (double(float(x))) are
    /// the input's (x).
    /// </summary>
    private static Dictionary<string, string[]> Thresholds(string pmml)
    {
        var pattern = new System.Text.RegularExpressions.Regex("<SimplePredicate field=\"([^\"]+)\" operator=\"[a-zA-Z]+\" value=\"([^\"]+)\"");
        var cast = new System.Text.RegularExpressions.Regex(@"^(?:(?:double|float|integer)\()+(.*?)\)+$");
        return pattern.Matches(pmml)
            .Where(m => double.TryParse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture, out _))
            .GroupBy(m => cast.Match(m.Groups[1].Value) is { Success: true } chain ? chain.Groups[1].Value : m.Groups[1].Value)
            .ToDictionary(g => g.Key, g => g.Select(m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))
                .Distinct().Take(6)
                .SelectMany(t => new[] { t, (double)(float)t, (double)MathF.BitIncrement((float)t), Math.BitDecrement(t), Math.BitIncrement(t) })
                .Select(t => t.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }

    private static IEnumerable<(string Label, Dictionary<string, object?> Arguments)> Records(CsvTable input, PmmlEvaluator evaluator, Dictionary<string, string[]> thresholds)
    {
        for (var row = 0; row < Math.Min(Rows, input.Rows.Count); row++)
        {
            var arguments = input.Arguments(row);
            yield return ($"row {row + 1}", arguments);
            if (row >= PerturbedRows)
                continue;
            foreach (var field in evaluator.InputFields)
            {
                var variants = field.OpType == OpType.Continuous ? NumericVariants : CategoricalVariants;
                if (row < 3 && thresholds.TryGetValue(field.Name, out var splits))
                    variants = [.. variants, .. splits];
                foreach (var variant in variants)
                    yield return ($"row {row + 1} with {field.Name}='{variant}'", new Dictionary<string, object?>(arguments) { [field.Name] = variant });
            }
        }
    }

    /// <summary>A record's results as text that is equal exactly when the results are bitwise equal.</summary>
    private static string Score(PmmlEvaluator evaluator, IReadOnlyDictionary<string, object?> arguments)
    {
        try
        {
            var result = evaluator.Evaluate(arguments);
            return string.Join(", ", result.Select(kv => $"{kv.Key}={Exact(kv.Value)}"));
        }
        catch (PmmlEvaluationException e)
        {
            return $"error: {e.Message}";
        }
    }

    /// <summary>The same text for a record scored through a row scorer, its inputs set from the same arguments.</summary>
    private static string Score(RowScorer scorer, PmmlEvaluator evaluator, IReadOnlyDictionary<string, object?> arguments)
    {
        for (var i = 0; i < evaluator.InputFields.Count; i++)
            scorer.SetInput(i, arguments.GetValueOrDefault(evaluator.InputFields[i].Name));
        try
        {
            scorer.Evaluate();
            return string.Join(", ", evaluator.ResultNames.Select((name, j) => $"{name}={Exact(scorer.GetValue(j))}"));
        }
        catch (PmmlEvaluationException e)
        {
            return $"error: {e.Message}";
        }
    }

    private static string Exact(object? value) => value switch
    {
        null => "null",
        object?[] items => "[" + string.Join(", ", items.Select(Exact)) + "]",
        double d => $"{d:R} (0x{BitConverter.DoubleToInt64Bits(d):X16})",
        float f => $"{f:R} (0x{BitConverter.SingleToInt32Bits(f):X8})",
        _ => $"{value} ({value.GetType().Name})",
    };
}
