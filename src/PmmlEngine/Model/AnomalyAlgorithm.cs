namespace PmmlEngine.Model;

public enum AnomalyAlgorithm
{
    Iforest,
    Ocsvm,
    ClusterMeanDist,
    Other,
}
