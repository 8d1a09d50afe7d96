using PmmlEngine.Backends.Compiled;
using PmmlEngine.Benchmarks;
using PmmlEngine.Evaluation;
using PmmlEngine.Types;

namespace PmmlEngine.Tests.Backends;

/// <summary>
/// The branch-free walk (complete trees, or trees in their own shape) reaches the outcome each flat tree's own walk reaches, on feature vectors whose
/// values sit on, one double either side of and away from the trees' interval ends and set members (fractions and
/// numbers beyond the sets' words included); a record with an absent feature is left to the lanes.
/// </summary>
public sealed class PerfectLanesTests
{
    private static string Conformance(string name) => File.ReadAllText(Path.Combine(TestPaths.Conformance, "sklearn-xgboost-lightgbm", "pmml", name + ".pmml"));

    private static IEnumerable<TestCaseData> Forests()
    {
        // Interval and set tests on raw numbers (model_year 70..82 spans two bitset words), on codes, equalities.
        yield return new TestCaseData(Conformance("XGBoostAuto"), true).SetName("Perfect_XGBoostAuto");
        yield return new TestCaseData(Conformance("XGBoostAudit"), true).SetName("Perfect_XGBoostAudit");
        yield return new TestCaseData(Conformance("GradientBoostingAudit"), true).SetName("Perfect_GradientBoostingAudit");
        // Unbalanced trees, whose shallow leaves are pushed down through padding.
        yield return new TestCaseData(ModelGenerator.Gbdt(trees: 30, depth: 7, features: 8, seed: 4, minLeafDepth: 1), true).SetName("Perfect_UnbalancedTrees");
        // Deeper than complete trees take: the trees keep their shape (LightGBM's category sets, unbalanced trees of
        // depths 5 to 11; generated trees up to 12 deep with leaves from level 2 on).
        yield return new TestCaseData(Conformance("LightGBMAudit"), true).SetName("Linked_LightGBMAudit");
        yield return new TestCaseData(ModelGenerator.Gbdt(trees: 30, depth: 12, features: 8, seed: 5, minLeafDepth: 2), true).SetName("Linked_UnbalancedDeepTrees");
        // Unpruned forests, deeper than the lanes' steps pay for: the lanes walk them.
        yield return new TestCaseData(Conformance("RandomForestAudit"), false).SetName("Perfect_RandomForestAuditIsTooDeep");
    }

    [TestCaseSource(nameof(Forests))]
    public void BranchFreeWalk_ReachesEachTreesOwnOutcome(string pmml, bool applies)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(pmml));
        var engine = (CompiledEngine)PmmlEvaluator.Load(stream).Engine;
        // The sum of trees, which in a classifier is the first segment of a chain.
        var ensemble = engine.Document.Models.OfType<CompiledEnsemble>().Single(e => e.Lanes is not null);
        var trees = ensemble.Lanes!;
        var perfect = PerfectLanes.TryCreate(trees);
        Assert.That(perfect is not null, Is.EqualTo(applies));
        if (perfect is null)
            return;
        var row = engine.CreateWorkspace().Row;
        var width = ensemble.Features!.Count;
        var candidates = Candidates(trees, width);
        var random = new Random(17);
        var features = new double[width];
        var outcomes = new int[trees.Length];
        var penalties = new int[trees.Length];
        for (var record = 0; record < 3000; record++)
        {
            for (var f = 0; f < width; f++)
                features[f] = candidates[f][random.Next(candidates[f].Length)];
            penalties.AsSpan().Fill(-1);
            Assert.That(perfect.TryWalk(features, outcomes, penalties), Is.True);
            for (var t = 0; t < trees.Length; t++)
                Assert.That(outcomes[t], Is.EqualTo(trees[t].Walk(features, row, out _)), $"record {record}, tree {t}: {string.Join(", ", features)}");
            Assert.That(penalties, Is.All.EqualTo(0));
        }

        features[trees.First(t => t.Tests.Length > 0).Tests[0].Feature] = Features.Missing;
        outcomes.AsSpan().Fill(-7);
        Assert.That(perfect.TryWalk(features, outcomes, penalties), Is.False);
        Assert.That(outcomes, Is.All.EqualTo(-7), "a record it leaves to the lanes is not written");
    }

    [Test]
    public void FeaturesComputedByExpressions_AreReadOnlyAsTheWalkNeedsThem()
    {
        // XGBoostSentiment's trees are shallow enough for complete trees, but their 81 features are TF-IDF terms, each a
        // function of the document; reading them all for every record cost more than the walk saved (16.4 -> 19.1 us).
        var evaluator = PmmlEvaluator.Load(Path.Combine(TestPaths.Conformance, "sklearn-xgboost-lightgbm", "pmml", "XGBoostSentiment.pmml"));
        var engine = (CompiledEngine)evaluator.Engine;
        var ensemble = engine.Document.Models.OfType<CompiledEnsemble>().Single(e => e.Trees is not null);
        var features = ensemble.Features!;
        Assert.That(features.ReadsPreparedInputs(), Is.False);
        var workspace = engine.CreateWorkspace();
        var row = workspace.Row;
        row.Reset();
        row.Set(evaluator.Inputs.Single().Index, Value.Of("Good case; Excellent value."));
        evaluator.Score(workspace);
        var read = Enumerable.Range(0, features.Count).Count(f => row.IsSet(features.Slot(f)));
        Assert.That(read, Is.GreaterThan(0).And.LessThan(features.Count), $"{read} of {features.Count} term features computed");

        var auto = (CompiledEngine)PmmlEvaluator.Load(Path.Combine(TestPaths.Conformance, "sklearn-xgboost-lightgbm", "pmml", "XGBoostAuto.pmml")).Engine;
        Assert.That(auto.Document.Models.OfType<CompiledEnsemble>().Single(e => e.Trees is not null).Features!.ReadsPreparedInputs(), Is.True);
    }

    /// <summary>Per feature: every interval end and set member the trees test on it, one double either side, and others.</summary>
    private static double[][] Candidates(FlatTree[] trees, int width)
    {
        var values = Enumerable.Range(0, width).Select(_ => new HashSet<double> { 0, -1, 0.5, 1e9, double.NegativeInfinity, double.PositiveInfinity }).ToArray();
        foreach (var tree in trees)
        {
            foreach (var test in tree.Tests)
            {
                var set = values[test.Feature];
                if (test.Op == TestOp.InSet)
                {
                    for (var member = 0; member < 64 * (int)test.Threshold + 2; member++)
                        set.Add(member);
                    set.Add(64 * (int)test.Threshold + 0.5);
                    continue;
                }
                foreach (var end in new[] { test.Low, test.Threshold }.Where(double.IsFinite))
                {
                    set.Add(end);
                    set.Add(Math.BitIncrement(end));
                    set.Add(Math.BitDecrement(end));
                    set.Add(end + 0.5);
                }
            }
        }
        return values.Select(v => v.ToArray()).ToArray();
    }
}
