namespace PmmlEngine.Model;

/// <summary>The element inside a ComparisonMeasure.</summary>
public enum Measure
{
    Euclidean,
    SquaredEuclidean,
    Chebychev,
    CityBlock,
    Minkowski,
    SimpleMatching,
    Jaccard,
    Tanimoto,
    BinarySimilarity,
}
