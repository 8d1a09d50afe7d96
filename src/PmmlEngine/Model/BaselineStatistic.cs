namespace PmmlEngine.Model;

public enum BaselineStatistic
{
    ZValue,
    ChiSquareIndependence,
    ChiSquareDistribution,
    Cusum,
    ScalarProduct,
}
