using System.Globalization;
using System.Text;
using PmmlEngine.Errors;
using PmmlEngine.Evaluation;
using PmmlEngine.Tests.Tensors;

namespace PmmlEngine.Tests.Backends;

/// <summary>
/// Random models through the compiled CPU backend: trees from <see cref="RandomTreeTests"/>'s generator (every missing
/// value and no-true-child strategy it writes, gaps, equalities, category sets) as single trees, ensembles (sums,
/// averages, votes) and booster-style classifier chains, and random regressions. For each, the row scorer with its
/// direct paths, <see cref="PmmlEvaluator.Evaluate"/> and the batch kernels must each give the interpreter's results to
/// the bit, and reject the same records.
/// </summary>
[TestFixture]
public sealed class RandomModelTests
{
    private const int Rows = 600;
    private static readonly string[] CategoryTexts = ["a", "b", "c", "d", "e", "z", ""];

    private static IEnumerable<TestCaseData> Seeds() =>
        new[] { "sum", "average", "majorityVote" }.SelectMany(method => new[] { false, true }.SelectMany(asExported =>
            Enumerable.Range(1, 12).Select(seed => new TestCaseData(method, asExported, seed)
                .SetName($"RandomEnsemble_{method}{(asExported ? "_AsExported" : "")}_{seed}"))));

    /// <param name="asExported">
    /// Whether the MiningSchemas are as the converters write them (an unseen category made missing at the top, segments
    /// plain); otherwise every MiningSchema keeps an invalid category as it is. The row scorer's direct paths take both
    /// (checked).
    /// </param>
    [TestCaseSource(nameof(Seeds))]
    public void CompiledBackend_MatchesInterpreter(string method, bool asExported, int seed)
    {
        var random = new Random(seed);
        var (pmml, thresholds) = RandomTreeTests.Ensemble(random, 12, method, asExported);
        var compiled = Load(pmml, Backend.Compiled);
        var interpreter = Load(pmml, Backend.Interpreter);
        Assert.That(compiled.CompilationFallbacks, Is.Empty);
        Assert.That(method == "sum" ? compiled.DirectTreeSum : (object?)compiled.DirectForest, Is.Not.Null, "the direct path");
        AssertScoresAsTheInterpreter(compiled, interpreter, random, thresholds);
    }

    /// <summary>Random records (missing, on a threshold, or any one-decimal number; any category, unseen, or none).</summary>
    private static void AssertScoresAsTheInterpreter(PmmlEvaluator compiled, PmmlEvaluator interpreter, Random random, List<double> thresholds)
    {
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

    private static IEnumerable<TestCaseData> SingleTrees() =>
        new[] { false, true }.SelectMany(classification => Enumerable.Range(1, 12).Select(seed =>
            new TestCaseData(classification, seed).SetName($"RandomTree_{(classification ? "Classification" : "Regression")}_{seed}")));

    /// <summary>One random tree as the whole document, its unseen category made missing by its MiningSchema.</summary>
    [TestCaseSource(nameof(SingleTrees))]
    public void CompiledTree_MatchesInterpreter(bool classification, int seed)
    {
        var random = new Random(seed);
        var thresholds = new List<double>();
        var segment = new StringBuilder();
        RandomTreeTests.Trees(segment, random, 1, classification, "", thresholds);
        var numbers = string.Concat(Enumerable.Range(0, 4).Select(i => $"""<MiningField name="x{i}"/>"""));
        var schema = $"""<MiningSchema><MiningField name="y" usageType="target"/>{numbers}<MiningField name="c" invalidValueTreatment="asMissing"/>""";
        var tree = segment.ToString()["<Segment id=\"0\"><True/>".Length..^"</Segment>".Length]
            .Replace("""<MiningSchema><MiningField name="y" usageType="target"/>""", "<MiningSchema>").Replace("<MiningSchema>", schema);
        var pmml = $"""<PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/><DataDictionary>{RandomTreeTests.DataFields(classification)}</DataDictionary>{tree}</PMML>""";
        var compiled = Load(pmml, Backend.Compiled);
        Assert.That(compiled.DirectTree, Is.Not.Null, "the direct path");
        AssertScoresAsTheInterpreter(compiled, Load(pmml, Backend.Interpreter), random, thresholds);
    }

    private static IEnumerable<TestCaseData> Regressions() =>
        new[] { "regression", "binary", "multiclass" }.SelectMany(kind => Enumerable.Range(1, 12).Select(seed =>
            new TestCaseData(kind, seed).SetName($"RandomRegression_{kind}_{seed}")));

    /// <summary>
    /// Random RegressionModels: numeric predictors with exponents 1 to 3, the categories' predictors (some left out),
    /// interaction terms, every normalization the kind allows, and for regression a Target that rescales, clamps or
    /// rounds. The direct regression path must take each (checked).
    /// </summary>
    [TestCaseSource(nameof(Regressions))]
    public void CompiledRegression_MatchesInterpreter(string kind, int seed)
    {
        var random = new Random(seed);
        var classification = kind != "regression";
        string[] normalizations = kind switch
        {
            "regression" => ["none", "exp", "logit"],
            "binary" => ["logit", "probit", "cloglog", "loglog", "cauchit", "softmax", "simplemax", "none"],
            _ => ["softmax", "simplemax", "none"],
        };
        var labels = kind == "binary" ? RandomTreeTests.Classes[..2] : RandomTreeTests.Classes;
        var numbers = string.Concat(Enumerable.Range(0, 4).Select(i => $"""<MiningField name="x{i}"/>"""));
        string Number(double scale) => Math.Round((random.NextDouble() * 2 - 1) * scale, 3).ToString("R", CultureInfo.InvariantCulture);
        var pmml = new StringBuilder("""<PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/><DataDictionary>""")
            .Append(RandomTreeTests.DataFields(classification, labels.Length))
            .Append("</DataDictionary>")
            .Append(CultureInfo.InvariantCulture, $"""<RegressionModel functionName="{(classification ? "classification" : "regression")}" normalizationMethod="{normalizations[random.Next(normalizations.Length)]}">""")
            .Append($"""<MiningSchema><MiningField name="y" usageType="target"/>{numbers}<MiningField name="c" invalidValueTreatment="asMissing"/></MiningSchema>""");
        if (classification)
            pmml.Append("<Output>").AppendJoin("", labels.Select(l => $"""<OutputField name="probability({l})" optype="continuous" dataType="double" feature="probability" value="{l}"/>""")).Append("</Output>");
        else if (random.Next(2) == 0)
            pmml.Append(random.Next(3) switch
            {
                0 => $"""<Targets><Target field="y" rescaleFactor="{Number(3)}" rescaleConstant="{Number(1)}"/></Targets>""",
                1 => $"""<Targets><Target field="y" min="-0.5" max="0.75"/></Targets>""",
                _ => $"""<Targets><Target field="y" castInteger="round" rescaleFactor="10"/></Targets>""",
            });
        foreach (var label in classification ? labels[..^1] : [""])
        {
            pmml.Append($"""<RegressionTable intercept="{Number(1)}"{(classification ? $" targetCategory=\"{label}\"" : "")}>""");
            for (var i = 0; i < 4; i++)
                if (random.Next(4) > 0)
                    pmml.Append(CultureInfo.InvariantCulture, $"""<NumericPredictor name="x{i}" exponent="{random.Next(1, 4)}" coefficient="{Number(0.5)}"/>""");
            foreach (var category in new[] { "a", "b", "c", "d", "e" }.Where(_ => random.Next(3) > 0))
                pmml.Append($"""<CategoricalPredictor name="c" value="{category}" coefficient="{Number(1)}"/>""");
            if (random.Next(2) == 0)
                pmml.Append(CultureInfo.InvariantCulture, $"""<PredictorTerm coefficient="{Number(0.2)}"><FieldRef field="x{random.Next(4)}"/><FieldRef field="x{random.Next(4)}"/></PredictorTerm>""");
            pmml.Append("</RegressionTable>");
        }
        if (classification)
            pmml.Append($"""<RegressionTable intercept="0" targetCategory="{labels[^1]}"/>""");
        pmml.Append("</RegressionModel></PMML>");
        var compiled = Load(pmml.ToString(), Backend.Compiled);
        Assert.That(compiled.DirectRegression, Is.Not.Null, "the direct path");
        AssertScoresAsTheInterpreter(compiled, Load(pmml.ToString(), Backend.Interpreter), random, [-1.5, 0, 0.5, 2]);
    }

    private static IEnumerable<TestCaseData> Chains() =>
        new[] { 2, 3 }.SelectMany(classes => Enumerable.Range(1, 12).Select(seed =>
            new TestCaseData(classes, seed).SetName($"RandomChain_{classes}Classes_{seed}")));

    /// <summary>
    /// Random classifier chains as the boosters export them: per class (one for two classes) a sum of random regression
    /// trees, perhaps rescaled, then a regression through logit or softmax. The row scorer's direct chain path must take
    /// them (checked) and, with the batch, give the interpreter's results.
    /// </summary>
    [TestCaseSource(nameof(Chains))]
    public void CompiledChains_MatchInterpreter(int classes, int seed)
    {
        var random = new Random(seed);
        var thresholds = new List<double>();
        var pmml = Chain(random, classes, thresholds);
        var compiled = Load(pmml, Backend.Compiled);
        Assert.That(compiled.DirectChain, Is.Not.Null, "the direct path");
        AssertScoresAsTheInterpreter(compiled, Load(pmml, Backend.Interpreter), random, thresholds);
    }

    private static string Chain(Random random, int classes, List<double> thresholds)
    {
        var labels = RandomTreeTests.Classes[..classes];
        var links = classes == 2 ? labels[1..] : labels;
        var numbers = string.Concat(Enumerable.Range(0, 4).Select(i => $"""<MiningField name="x{i}"/>"""));
        var pmml = new StringBuilder("""<PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/><DataDictionary>""")
            .Append(RandomTreeTests.DataFields(classification: true, classes))
            .Append("</DataDictionary>")
            .Append($"""<MiningModel functionName="classification"><MiningSchema><MiningField name="y" usageType="target"/>{numbers}<MiningField name="c" invalidValueTreatment="asMissing"/></MiningSchema>""")
            .Append("""<Segmentation multipleModelMethod="modelChain" missingPredictionTreatment="returnMissing">""");
        for (var k = 0; k < links.Length; k++)
        {
            var rescale = random.Next(2) == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"""<Targets><Target rescaleConstant="{Math.Round(random.NextDouble(), 2)}"/></Targets>""");
            pmml.Append(CultureInfo.InvariantCulture, $"""<Segment id="link{k}"><True/><MiningModel functionName="regression"><MiningSchema>{numbers}<MiningField name="c"/></MiningSchema>""")
                .Append(CultureInfo.InvariantCulture, $"""<Output><OutputField name="v({links[k]})" optype="continuous" dataType="double" isFinalResult="false"/></Output>{rescale}""")
                .Append("""<Segmentation multipleModelMethod="sum" missingPredictionTreatment="returnMissing">""");
            RandomTreeTests.Trees(pmml, random, random.Next(3, 9), classification: false, numbers + """<MiningField name="c"/>""", thresholds);
            pmml.Append("</Segmentation></MiningModel></Segment>");
        }
        pmml.Append(CultureInfo.InvariantCulture, $"""<Segment id="final"><True/><RegressionModel functionName="classification" normalizationMethod="{(classes == 2 ? "logit" : "softmax")}">""")
            .Append("""<MiningSchema><MiningField name="y" usageType="target"/>""").AppendJoin("", links.Select(l => $"""<MiningField name="v({l})"/>""")).Append("</MiningSchema>")
            .Append("<Output>").AppendJoin("", labels.Select(l => $"""<OutputField name="probability({l})" optype="continuous" dataType="double" feature="probability" value="{l}"/>""")).Append("</Output>");
        foreach (var label in labels)
            pmml.Append(Array.IndexOf(links, label) < 0
                ? $"""<RegressionTable intercept="0" targetCategory="{label}"/>"""
                : $"""<RegressionTable intercept="0" targetCategory="{label}"><NumericPredictor name="v({label})" coefficient="1"/></RegressionTable>""");
        return pmml.Append("</RegressionModel></Segment></Segmentation></MiningModel></PMML>").ToString();
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
