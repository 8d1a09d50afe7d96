using PmmlEngine.Backends.Compiled;
using PmmlEngine.Evaluation;
using PmmlEngine.Tests.Conformance;
using PmmlEngine.Tests.Evaluation;

namespace PmmlEngine.Tests.Backends;

/// <summary>
/// A classifier's chain of tree sums and a regression over their predictions is scored by row scorers straight from the
/// record's values when the MiningSchema keeps them as they are, and finished as the batch finishes it (<see cref="ChainTail"/>).
/// Every record must score as the interpreter scores it: those the MiningSchema treats, those with a missing feature, and
/// those whose link prediction the regression's own MiningSchema treats or rejects included.
/// </summary>
public sealed class DirectChainTests
{
    // x1 has the interval [-2, 2] and a test at 0.3; x2 tests at -0.5 and 0.75; x3 is read through a float cast with a
    // test at (double)0.1f; c lists a, b and c. Each pool holds values at and beside those, and ones the treatments change.
    private static readonly string[][] Texts =
    [
        ["", "-2", "2", "2.0000000000000004", "-2.5", "3", "0.3", "0.30000000000000004", "0.29", "abc", "1"],
        ["", "-1", "1", "1.5", "-0.5", "-0.49", "0.75", "0.7500000000000001", "-2", "abc"],
        ["", "0.10000000149011612", "0.10000000149011613", "0.1", "0.10000001", "-0.3", "abc"],
        ["", "a", "b", "c", "d", "A"],
    ];

    private static IEnumerable<object[]> ChainTreatments() => KeptFeaturesBatchTests.Treatments.Where(t => (bool)t[3]);

    [TestCaseSource(nameof(ChainTreatments))]
    public void EveryRecord_ScoresAsTheInterpreter_UnderEachTreatment(string x1, string x2, string c, bool chain) =>
        DirectPaths.AssertScoresAsTheInterpreter(KeptFeaturesBatchTests.Document(x1, x2, c, chain), Texts, e => e.DirectChain is not null);

    // The regression reads the link's prediction through a MiningField that clips it, or rejects the record when it is
    // out of bounds.
    [TestCase("<MiningField name=\"score\" outliers=\"asExtremeValues\" lowValue=\"-1\" highValue=\"1.5\"/>")]
    [TestCase("<MiningField name=\"score\" outliers=\"asMissingValues\" lowValue=\"-4\" highValue=\"4.5\" missingValueTreatment=\"returnInvalid\"/>")]
    public void EveryRecord_ScoresAsTheInterpreter_WhenTheRegressionTreatsThePrediction(string field) =>
        DirectPaths.AssertScoresAsTheInterpreter(KeptFeaturesBatchTests.Document("", "", "", chain: true).Replace("<MiningField name=\"score\"/>", field),
            Texts, e => e.DirectChain is not null);

    // A leaf without a score: the sum then predicts nothing (returnMissing), or from its other trees (continue); the
    // regression replaces a missing prediction, so a sum taken as missing where it is not would still score, wrongly.
    [TestCase("returnMissing")]
    [TestCase("continue")]
    public void EveryRecord_ScoresAsTheInterpreter_WhenALeafHasNoScore(string treatment)
    {
        var document = KeptFeaturesBatchTests.Document("", "", "", chain: true);
        const string leaf = "<Node id=\"b\" score=\"0.5\">", sum = "<Segmentation multipleModelMethod=\"sum\" missingPredictionTreatment=\"returnMissing\">";
        Assert.That(document, Does.Contain(leaf).And.Contain(sum));
        document = document.Replace(leaf, "<Node id=\"b\">").Replace(sum, sum.Replace("returnMissing", treatment))
            .Replace("<MiningField name=\"score\"/>", "<MiningField name=\"score\" missingValueReplacement=\"0.5\"/>");
        DirectPaths.AssertScoresAsTheInterpreter(document, Texts, e => e.DirectChain is not null);
    }

    [TestCase("GradientBoostingAudit")]
    [TestCase("GradientBoostingIris")]
    [TestCase("LightGBMAudit")]
    [TestCase("LightGBMIris")]
    [TestCase("XGBoostAudit")]
    [TestCase("XGBoostIris")]
    public void TheConformanceChains_TakeTheDirectPath(string name)
    {
        var evaluator = PmmlEvaluator.Load(ConformanceCase.Load().Single(c => c.Name.EndsWith("/" + name, StringComparison.Ordinal)).Pmml);
        Assert.That(evaluator.DirectChain, Is.InstanceOf<DirectChain>());
    }
}
