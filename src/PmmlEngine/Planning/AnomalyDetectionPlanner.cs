using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Planning;

internal sealed class AnomalyDetectionPlanner(ModelPlanner models)
{
    private const double EulerGamma = 0.5772156649015329;

    public ModelPlan Plan(AnomalyDetectionModel model, Scope scope, TargetPlan target, int[] active)
    {
        var context = models.Context;
        // The parser has already refused a document without an inner model.
        var inner = models.Plan(model.Inner ?? throw new InvalidOperationException("AnomalyDetectionModel without a model"), scope, target.FieldName, isTop: false);
        switch (model.Algorithm)
        {
            case AnomalyAlgorithm.Iforest when model.SampleDataSize is null:
                context.Error(MarkupProblemKind.MissingAttribute, "algorithmType='iforest' requires attribute 'sampleDataSize'", model.Location);
                break;
            case AnomalyAlgorithm.Ocsvm when inner is not SupportVectorMachinePlan:
                context.Error(MarkupProblemKind.InvalidElement, "algorithmType='ocsvm' needs a SupportVectorMachineModel", model.Location);
                break;
            case AnomalyAlgorithm.ClusterMeanDist when inner is not ClusteringPlan clusters || clusters.Clusters.Length != model.MeanClusterDistances.Length:
                context.Error(MarkupProblemKind.InvalidElement, "algorithmType='clusterMeanDist' needs a ClusteringModel and one MeanClusterDistances entry per cluster", model.Location);
                break;
        }
        return new AnomalyDetectionPlan
        {
            Element = model,
            Target = target,
            ActiveSlots = active,
            Algorithm = model.Algorithm,
            Inner = inner,
            AveragePathLength = AveragePathLength(model.SampleDataSize ?? 0),
            MeanClusterDistances = model.MeanClusterDistances.ToArray(),
        };
    }

    /// <summary>c(n) = 2·H(n−1) − 2(n−1)/n with H(i) ≈ ln(i) + γ (Liu, Ting and Zhou, 2008); 1 for n = 2, 0 below.</summary>
    internal static double AveragePathLength(double n) =>
        n > 2 ? 2 * (Math.Log(n - 1) + EulerGamma) - 2 * (n - 1) / n : n == 2 ? 1 : 0;
}
