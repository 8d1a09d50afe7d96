using PmmlEngine.Evaluation;
using PmmlScore;

namespace PmmlEngine.Tests.Cli;

/// <summary>`pmml-score describe`: families, inputs with domains, targets and outputs with their features.</summary>
public sealed class DescribeTests
{
    [Test]
    public void DescribesAnEnsembleWithItsSegmentsAndDomains()
    {
        var text = ModelDescription.Describe(PmmlEvaluator.Load(Path.Combine(TestPaths.Samples, "gbdt-ensemble.pmml")));
        Assert.That(text, Does.StartWith("model:    MiningModel (classification), segments: MiningModel, TreeModel ×3, RegressionModel"));
        Assert.That(text, Does.Contain("backend:  compiled\n"));
        Assert.That(text, Does.Contain("inputs:\n  age (continuous integer)\n  income (continuous double)\n  sector (categorical string: private, public, self)\n"));
        Assert.That(text, Does.Contain("targets:\n  default (categorical integer: 0, 1)\n"));
        Assert.That(text, Does.Contain("  probability(1) (continuous double) probability\n"));
    }

    [Test]
    public void SaysWhenThereIsNoTarget()
    {
        var model = Path.Combine(TestPaths.Conformance, "rapidminer", "pmml", "KMeansIris.pmml");
        var text = ModelDescription.Describe(PmmlEvaluator.Load(model));
        Assert.That(text, Does.StartWith("model:    ClusteringModel (clustering)\n"));
        Assert.That(text, Does.Contain("targets: none\n"));
        Assert.That(text, Does.Contain("  cluster (categorical string: cluster_0, cluster_1, cluster_2) predictedDisplayValue\n"));
    }
}
