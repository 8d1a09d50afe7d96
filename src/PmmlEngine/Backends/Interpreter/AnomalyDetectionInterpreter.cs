using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// PMML 4.4 AnomalyDetectionModel. iforest: the inner ensemble's average path length E(h) gives the score 2^(−E(h)/c(n));
/// ocsvm: the SVM's decision value; clusterMeanDist: the distance to the nearest cluster over that cluster's mean
/// distance; other: the inner prediction. No inner prediction means no score.
/// </summary>
internal static class AnomalyDetectionInterpreter
{
    public static ModelResult Evaluate(AnomalyDetectionPlan plan, RowContext row)
    {
        var result = new ModelResult(plan.Target);
        Finish(plan, ModelInterpreter.Evaluate(plan.Inner, row), result);
        return result;
    }

    internal static void Finish(AnomalyDetectionPlan plan, ModelResult inner, ModelResult result)
    {
        switch (plan.Algorithm)
        {
            case AnomalyAlgorithm.ClusterMeanDist:
                if (inner.EntityIndex >= 0 && inner.Affinities is { } distances)
                    result.Predicted = Value.Of(distances[inner.EntityIndex] / plan.MeanClusterDistances[inner.EntityIndex]);
                return;
            case AnomalyAlgorithm.Iforest:
                if (inner.Predicted.TryGetNumber(out var pathLength))
                    result.Predicted = Value.Of(Math.Pow(2, -pathLength / plan.AveragePathLength));
                return;
            default:
                result.Predicted = inner.Predicted.TryGetNumber(out var score) ? Value.Of(score) : Value.Missing;
                return;
        }
    }
}
