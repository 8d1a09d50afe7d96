using PmmlEngine.Model;

namespace PmmlEngine.Functions;

/// <summary>
/// The match counts binary similarity measures use: fields where the record and the reference are both 1 (a11), only
/// the record (a10), only the reference (a01), neither (a00).
/// </summary>
internal struct BinaryCounts
{
    private double _a11, _a10, _a01, _a00;

    public void Add(bool one, bool referenceOne)
    {
        if (one && referenceOne) _a11++;
        else if (one) _a10++;
        else if (referenceOne) _a01++;
        else _a00++;
    }

    public readonly double Similarity(ComparisonMeasure measure) => ComparisonMath.BinarySimilarity(measure, _a11, _a10, _a01, _a00);
}
