using PmmlEngine.Backends.Compiled;
using PmmlEngine.Evaluation;
using PmmlEngine.Tests.Conformance;

namespace PmmlEngine.Tests.Evaluation;

/// <summary>
/// A batch finishes a kept record of a classifier's chain from its tree sums (<see cref="ChainTail"/>) where the chain is
/// sums then a regression over their outputs; the batch then still matches the row scorer to the bit (the conformance
/// cases in <see cref="BatchTests"/>, the treatments in <see cref="KeptFeaturesBatchTests"/>, and the variants here).
/// </summary>
public sealed class ChainTailTests
{
    [TestCase("GradientBoostingAudit", true)]
    [TestCase("GradientBoostingIris", true)]
    [TestCase("LightGBMAudit", true)]
    [TestCase("LightGBMIris", true)]
    [TestCase("XGBoostAudit", true)]
    [TestCase("XGBoostIris", true)]
    // Its sums read computed TF-IDF terms: no kernels, so the records take the record path.
    [TestCase("XGBoostSentiment", false)]
    public void ConformanceChains(string name, bool finished)
    {
        var evaluator = PmmlEvaluator.Load(ConformanceCase.Load().Single(c => c.Name.EndsWith("/" + name, StringComparison.Ordinal)).Pmml);
        Assert.That(Tail(evaluator), finished ? Is.Not.Null : Is.Null);
    }

    /// <summary>
    /// The regression reads the link's output through a MiningField that treats it (clips it, or rejects the record when
    /// it is out of bounds), or the chain has an output of its own (left to the record path); either way the batch
    /// matches the row scorer, rejections included.
    /// </summary>
    [TestCase("<MiningField name=\"score\"/>", "<MiningField name=\"score\" outliers=\"asExtremeValues\" lowValue=\"-1\" highValue=\"1.5\"/>", true)]
    [TestCase("<MiningField name=\"score\"/>", "<MiningField name=\"score\" invalidValueTreatment=\"asMissing\"/>", true)]
    [TestCase("<MiningField name=\"score\"/>", "<MiningField name=\"score\" outliers=\"asMissingValues\" lowValue=\"-1\" highValue=\"1.5\" missingValueTreatment=\"returnInvalid\"/>", true)]
    [TestCase("<Segmentation multipleModelMethod=\"modelChain\"",
        "<Output><OutputField name=\"p\" optype=\"continuous\" dataType=\"double\" feature=\"probability\" value=\"yes\"/></Output><Segmentation multipleModelMethod=\"modelChain\"", false)]
    public void Variants_MatchTheRowScorer(string part, string replacement, bool finished)
    {
        var document = KeptFeaturesBatchTests.Document("", "", "", chain: true);
        Assert.That(document, Does.Contain(part));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document.Replace(part, replacement)));
        var evaluator = PmmlEvaluator.Load(stream);
        Assert.That(Tail(evaluator), finished ? Is.Not.Null : Is.Null);
        BatchTests.AssertMatchesRowScorer(evaluator, KeptFeaturesBatchTests.Rows(evaluator.InputFields.Select(f => f.Name).ToArray(), 3_000, seed: 5));
    }

    private static ChainTail? Tail(PmmlEvaluator evaluator)
    {
        var engine = (CompiledEngine)evaluator.Engine;
        return ChainTail.TryCreate(evaluator.DocumentPlan, engine.Document.Top, engine.ChainSums.Select(k => k.Ensemble).ToArray(), evaluator.Results);
    }
}
