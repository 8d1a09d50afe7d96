using PmmlEngine.Model;

namespace PmmlEngine.Functions;

/// <summary>
/// The arithmetic of PMML ComparisonMeasure distances shared by clustering and nearest neighbours: per-field terms
/// w·cᵖ combined by sum (max for chebychev) into an inner value, then scaled for missing fields and rooted. The inner
/// value orders candidates the same way as the final distance, so searches compare inner values.
/// </summary>
internal static class ComparisonMath
{
    public static bool IsBinary(Measure measure) =>
        measure is Measure.SimpleMatching or Measure.Jaccard or Measure.Tanimoto or Measure.BinarySimilarity;

    public static double Power(ComparisonMeasure measure) => measure.Measure switch
    {
        Measure.CityBlock or Measure.Chebychev => 1.0,
        Measure.Minkowski => measure.MinkowskiP,
        _ => 2.0,
    };

    public static double Term(double weight, double c, double p) => weight * (p == 1.0 ? c : p == 2.0 ? c * c : Math.Pow(c, p));

    public static double Combine(Measure measure, double inner, double term) =>
        measure == Measure.Chebychev ? Math.Max(inner, term) : inner + term;

    /// <summary>The distance from an inner value, after scaling by the missing-field adjustment.</summary>
    public static double Finish(Measure measure, double p, double inner, double adjustment)
    {
        inner *= adjustment;
        return measure switch
        {
            Measure.Euclidean => Math.Sqrt(inner),
            Measure.Minkowski => Math.Pow(inner, 1.0 / p),
            _ => inner,
        };
    }

    /// <summary>absDiff |x−y| or gaussSim exp(−ln2·(x−y)²/s²) of two numbers.</summary>
    public static double Numeric(CompareFunction compare, double x, double y, double scale)
    {
        var z = x - y;
        return compare switch
        {
            CompareFunction.GaussSim => Math.Exp(-Math.Log(2) * z * z / (scale * scale)),
            CompareFunction.Delta => x == y ? 0.0 : 1.0,
            CompareFunction.Equal => x == y ? 1.0 : 0.0,
            _ => Math.Abs(z),
        };
    }
}
