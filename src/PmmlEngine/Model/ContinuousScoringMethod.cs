namespace PmmlEngine.Model;

public enum ContinuousScoringMethod
{
    Average,
    Median,
    WeightedAverage,
}
