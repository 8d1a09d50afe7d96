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

    /// <summary>
    /// simpleMatching, jaccard, tanimoto or binarySimilarity from the counts of fields where the record and the
    /// reference are both 1 (a11), only the record (a10), only the reference (a01), neither (a00).
    /// </summary>
    public static double BinarySimilarity(ComparisonMeasure measure, double a11, double a10, double a01, double a00) => measure.Measure switch
    {
        Measure.SimpleMatching => (a11 + a00) / (a11 + a10 + a01 + a00),
        Measure.Jaccard => a11 / (a11 + a10 + a01),
        Measure.Tanimoto => (a11 + a00) / (a11 + 2 * (a10 + a01) + a00),
        _ => Weighted(measure.BinaryNumerators, a00, a01, a10, a11) / Weighted(measure.BinaryDenominators, a00, a01, a10, a11),
    };

    // binarySimilarity's parameters are read in the order c00, c01, c10, c11 (and d00 … d11).
    private static double Weighted(IReadOnlyList<double> c, double a00, double a01, double a10, double a11) =>
        c[3] * a11 + c[2] * a10 + c[1] * a01 + c[0] * a00;

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
