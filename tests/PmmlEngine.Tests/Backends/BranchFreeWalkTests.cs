using PmmlEngine.Backends.Compiled;
using PmmlEngine.Benchmarks;
using PmmlEngine.Evaluation;
using PmmlEngine.Types;

namespace PmmlEngine.Tests.Backends;

/// <summary>
/// The branch-free walks (<see cref="PerfectLanes"/>: complete trees, or trees in their own shape; <see cref="LeafMasks"/>:
/// each feature's region and its masks of leaves) reach the outcome each flat tree's own walk reaches, on feature vectors
/// whose values sit on, one double either side of and away from the trees' interval ends and set members (fractions,
/// −0 and numbers beyond the sets' words included); a record with an absent feature is left to the lanes.
/// </summary>
public sealed class BranchFreeWalkTests
{
    private static string Conformance(string name) => File.ReadAllText(Path.Combine(TestPaths.Conformance, "sklearn-xgboost-lightgbm", "pmml", name + ".pmml"));

    private static IEnumerable<TestCaseData> Forests()
    {
        // Interval and set tests on raw numbers (model_year 70..82 spans two bitset words), on codes, equalities.
        yield return new TestCaseData(Conformance("XGBoostAuto"), true, true).SetName("BranchFree_XGBoostAuto");
        yield return new TestCaseData(Conformance("XGBoostAudit"), true, true).SetName("BranchFree_XGBoostAudit");
        yield return new TestCaseData(Conformance("GradientBoostingAudit"), true, true).SetName("BranchFree_GradientBoostingAudit");
        // Unbalanced trees, whose shallow leaves are pushed down through padding.
        yield return new TestCaseData(ModelGenerator.Gbdt(trees: 30, depth: 7, features: 8, seed: 4, minLeafDepth: 1), true, true).SetName("BranchFree_UnbalancedTrees");
        // Deeper than complete trees take: the trees keep their shape (LightGBM's category sets, unbalanced trees of
        // depths 5 to 11; generated trees up to 12 deep with leaves from level 2 on, more leaves than the masks take).
        yield return new TestCaseData(Conformance("LightGBMAudit"), true, true).SetName("BranchFree_LightGBMAudit");
        yield return new TestCaseData(ModelGenerator.Gbdt(trees: 30, depth: 12, features: 8, seed: 5, minLeafDepth: 2), true, false).SetName("BranchFree_UnbalancedDeepTrees");
        // Trees of several words of leaves (up to 256 each).
        yield return new TestCaseData(ModelGenerator.Gbdt(trees: 6, depth: 8, features: 4, seed: 8, minLeafDepth: 2), true, true).SetName("BranchFree_SeveralWordsOfLeaves");
        // Unpruned forests, deeper than the lanes' steps pay for, with 353 to 431 leaves a tree: the masks take them.
        yield return new TestCaseData(Conformance("RandomForestAudit"), false, true).SetName("BranchFree_RandomForestAudit");
    }

    private static IEnumerable<TestCaseData> Walks() =>
        Forests().SelectMany(c => new[]
        {
            new TestCaseData(c.Arguments[0], c.Arguments[1], nameof(PerfectLanes)).SetName(c.TestName + "_PerfectLanes"),
            new TestCaseData(c.Arguments[0], c.Arguments[2], nameof(LeafMasks)).SetName(c.TestName + "_LeafMasks"),
        });

    [TestCaseSource(nameof(Walks))]
    public void BranchFreeWalk_ReachesEachTreesOwnOutcome(string pmml, bool applies, string kind)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(pmml));
        var engine = (CompiledEngine)PmmlEvaluator.Load(stream).Engine;
        // The sum of trees, which in a classifier is the first segment of a chain.
        var ensemble = engine.Document.Models.OfType<CompiledEnsemble>().Single(e => e.Lanes is not null);
        var trees = ensemble.Lanes!;
        IBranchFreeWalk? walk = kind == nameof(LeafMasks) ? LeafMasks.TryCreate(trees) : PerfectLanes.TryCreate(trees);
        Assert.That(walk is not null, Is.EqualTo(applies));
        if (walk is null)
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
            Assert.That(walk.TryWalk(features, outcomes, penalties), Is.True);
            for (var t = 0; t < trees.Length; t++)
                Assert.That(outcomes[t], Is.EqualTo(trees[t].Walk(features, row, out _)), $"record {record}, tree {t}: {string.Join(", ", features)}");
            Assert.That(penalties, Is.All.EqualTo(0));
        }

        features[trees.First(t => t.Tests.Length > 0).Tests[0].Feature] = Features.Missing;
        outcomes.AsSpan().Fill(-7);
        Assert.That(walk.TryWalk(features, outcomes, penalties), Is.False);
        Assert.That(outcomes, Is.All.EqualTo(-7), "a record it leaves to the lanes is not written");
    }

    [Test]
    public void TheEnsembleTakesTheCheaperWalk()
    {
        // Few features read by many trees: a search and a row of masks per feature beat a walk per tree.
        Assert.That(Walk(Conformance("XGBoostAuto")), Is.InstanceOf<LeafMasks>());
        Assert.That(Walk(Conformance("LightGBMAudit")), Is.InstanceOf<LeafMasks>());
        // A hundred features for ten shallow trees: a row per feature costs more than the thirty steps of the walks.
        Assert.That(Walk(ModelGenerator.Gbdt(trees: 10, depth: 3, features: 100, seed: 6)), Is.InstanceOf<PerfectLanes>());
        // Deep trees of many leaves that the branch-free layout cannot take: the masks, not the lanes' branching walk.
        Assert.That(Walk(Conformance("RandomForestAudit")), Is.InstanceOf<LeafMasks>());
        // More leaves than the masks take (complete trees of 4,096): the branch-free layout.
        Assert.That(Walk(ModelGenerator.Gbdt(trees: 10, depth: 12, features: 8, seed: 5)), Is.InstanceOf<PerfectLanes>());

        static IBranchFreeWalk? Walk(string pmml)
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(pmml));
            var engine = (CompiledEngine)PmmlEvaluator.Load(stream).Engine;
            return IBranchFreeWalk.For(engine.Document.Models.OfType<CompiledEnsemble>().Single(e => e.Lanes is not null).Lanes!);
        }
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
                    {
                        set.Add(member);
                        set.Add(Math.BitIncrement(member));
                        set.Add(Math.BitDecrement(member));
                    }
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
        // −0 apart from 0, which the set holds as one.
        return values.Select(v => v.Append(-0.0).ToArray()).ToArray();
    }
}
