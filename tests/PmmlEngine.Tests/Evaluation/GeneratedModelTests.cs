using System.Globalization;
using System.Text.RegularExpressions;
using PmmlEngine.Backends.Compiled;
using PmmlEngine.Benchmarks;
using PmmlEngine.Evaluation;

namespace PmmlEngine.Tests.Evaluation;

/// <summary>
/// The benchmark's generated shapes (full binary GBDT trees take the packed, branch-free batch kernel) scored by the
/// batch API, the compiled row API and the interpreter, on inputs that sit exactly on and just above split points.
/// </summary>
[TestFixture]
public sealed class GeneratedModelTests
{
    private static IEnumerable<TestCaseData> Models()
    {
        yield return new TestCaseData(ModelGenerator.Gbdt(trees: 30, depth: 6, features: 8, seed: 5), 0).SetName("Generated_Gbdt");
        yield return new TestCaseData(ModelGenerator.Gbdt(trees: 30, depth: 6, features: 8, seed: 5), 13).SetName("Generated_Gbdt_SomeMissing");
        // The packed kernel adds each kind of running sum its own way: by segment weights, and in float32 as XGBoost does.
        yield return new TestCaseData(Weighted(ModelGenerator.Gbdt(trees: 30, depth: 6, features: 8, seed: 9)), 0).SetName("Generated_Gbdt_WeightedSum");
        yield return new TestCaseData(FloatContext(ModelGenerator.Gbdt(trees: 30, depth: 6, features: 8, seed: 10)), 0).SetName("Generated_Gbdt_FloatContext");
        yield return new TestCaseData(ModelGenerator.RandomForest(trees: 10, depth: 8, features: 8, seed: 6), 0).SetName("Generated_RandomForest");
        // Missing values leave some trees without a prediction: those rows take the record path's missing prediction treatment.
        yield return new TestCaseData(ModelGenerator.RandomForest(trees: 10, depth: 8, features: 8, seed: 6), 13).SetName("Generated_RandomForest_SomeMissing");
        foreach (var method in new[] { "weightedAverage", "majorityVote", "weightedMajorityVote" })
            yield return new TestCaseData(WeightedForest(ModelGenerator.RandomForest(trees: 15, depth: 7, features: 8, seed: 11), method), 0).SetName("Generated_RandomForest_" + method);
        yield return new TestCaseData(ModelGenerator.LogisticRegression(derived: 20, features: 8, seed: 7), 0).SetName("Generated_LogisticRegression");
        // 16 neurons fill whole blocks of four vectors, 9 leave a partial vector: both paths of DenseLayer.
        yield return new TestCaseData(ModelGenerator.NeuralNetwork(features: 8, hidden: [16, 9], seed: 8), 0).SetName("Generated_NeuralNetwork");
        yield return new TestCaseData(ModelGenerator.NeuralNetwork(features: 8, hidden: [16, 9], seed: 8), 11).SetName("Generated_NeuralNetwork_SomeMissing");
    }

    /// <param name="pmml">The generated model.</param>
    /// <param name="missingEvery">Every n-th input is made missing (0: none, so blocks take the packed kernel).</param>
    [TestCaseSource(nameof(Models))]
    public void AllBackends_Agree(string pmml, int missingEvery)
    {
        var interpreter = Load(pmml, Backend.Interpreter);
        var compiled = Load(pmml, Backend.Compiled);
        Assert.That(compiled.CompilationFallbacks, Is.Empty);
        if (pmml.Contains("<Segmentation multipleModelMethod=\"sum\">") || pmml.Contains("weightedSum"))
            Assert.That(((CompiledEngine)compiled.Engine).TreeSum?.Packed, Is.True, "the packed batch kernel applies");
        if (pmml.Contains("<MiningModel functionName=\"classification\">"))
            Assert.That(((CompiledEngine)compiled.Engine).Tally, Is.Not.Null, "the forest's batch tally applies");
        var width = compiled.InputFields.Count;
        var resultCount = compiled.ResultNames.Count;
        const int rows = 2000;
        var inputs = Inputs(pmml, rows, width);
        for (var k = 0; missingEvery > 0 && k < inputs.Length; k += missingEvery)
            inputs[k] = double.NaN;
        var batch = new double[rows * resultCount];
        Assert.That(compiled.EvaluateBatch(inputs, batch, degreeOfParallelism: 2), Is.Zero);

        var oracle = interpreter.CreateScorer();
        var row = compiled.CreateScorer();
        for (var r = 0; r < rows; r++)
        {
            for (var i = 0; i < width; i++)
            {
                var x = inputs[r * width + i];
                if (double.IsNaN(x))
                {
                    oracle.SetMissing(i);
                    row.SetMissing(i);
                    continue;
                }
                oracle.SetInput(i, x);
                row.SetInput(i, x);
            }
            oracle.Evaluate();
            row.Evaluate();
            for (var j = 0; j < resultCount; j++)
            {
                var expected = oracle.GetNumber(j);
                if (double.IsNaN(expected) && oracle.GetValue(j) is string category)
                    expected = compiled.TargetFields[0].Values.ToList().IndexOf(category);
                Assert.That(row.GetNumber(j), Is.EqualTo(oracle.GetNumber(j)).Or.NaN, $"row {r} {compiled.ResultNames[j]} (row API)");
                Assert.That(batch[r * resultCount + j], Is.EqualTo(expected), $"row {r} {compiled.ResultNames[j]} (batch)");
            }
        }
    }

    private static string Weighted(string gbdt) =>
        Regex.Replace(gbdt.Replace("multipleModelMethod=\"sum\"", "multipleModelMethod=\"weightedSum\""), "<Segment id=\"([0-9]+)\"",
            m => $"<Segment id=\"{m.Groups[1].Value}\" weight=\"{0.3 + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) % 7 * 0.11}\"");

    /// <summary>The forest combined by <paramref name="method"/>, its segments weighted 0.3 to 0.96 where the method weighs them.</summary>
    private static string WeightedForest(string forest, string method) =>
        Regex.Replace(forest.Replace("multipleModelMethod=\"average\"", $"multipleModelMethod=\"{method}\""), "<Segment id=\"([0-9]+)\"",
            m => $"<Segment id=\"{m.Groups[1].Value}\" weight=\"{0.3 + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) % 7 * 0.11}\"");

    private static string FloatContext(string gbdt) =>
        gbdt.Replace("<MiningModel functionName=\"regression\"", "<MiningModel functionName=\"regression\" x-mathContext=\"float\"")
            .Replace("<TreeModel functionName=\"regression\"", "<TreeModel functionName=\"regression\" x-mathContext=\"float\"");

    private static PmmlEvaluator Load(string pmml, Backend backend)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(pmml));
        return PmmlEvaluator.Load(stream, new EvaluatorOptions { Backend = backend });
    }

    /// <summary>Random normal inputs where a third of the values are a split point of the model and a sixth the double above one.</summary>
    private static double[] Inputs(string pmml, int rows, int width)
    {
        var splits = Regex.Matches(pmml, "value=\"(-?[0-9.E-]+)\"").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToArray();
        var random = new Random(17);
        var inputs = ModelGenerator.Matrix(rows, width, seed: 18);
        for (var k = 0; k < inputs.Length; k++)
        {
            var pick = random.Next(6);
            if (splits.Length > 0 && pick < 2) inputs[k] = splits[random.Next(splits.Length)];
            else if (splits.Length > 0 && pick == 2) inputs[k] = Math.BitIncrement(splits[random.Next(splits.Length)]);
        }
        return inputs;
    }
}
