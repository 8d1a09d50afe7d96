namespace PmmlEngine.Model;

public enum MiningFunction
{
    Regression,
    Classification,
    Clustering,
    AssociationRules,
    Sequences,
    TimeSeries,
    Mixed,
}
