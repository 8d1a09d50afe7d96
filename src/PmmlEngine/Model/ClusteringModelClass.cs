namespace PmmlEngine.Model;

public enum ClusteringModelClass
{
    CenterBased,
    DistributionBased,
}
