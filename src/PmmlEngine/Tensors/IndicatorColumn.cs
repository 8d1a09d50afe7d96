using PmmlEngine.Backends.Compiled;

namespace PmmlEngine.Tensors;

/// <summary>
/// A feature column computed from another: 1 where the source's test holds, 0 where it does not, NaN where the source is
/// NaN (missing), except <see cref="TestOp.IsMissing"/> which is never NaN. With these columns every tree test is
/// "column ≤ threshold", the one comparison tensor strategies and GPU kernels implement.
/// </summary>
/// <param name="Source">The base feature the test reads.</param>
/// <param name="Op">Equal, InRange, InSet, InValues or IsMissing.</param>
/// <param name="Numbers">Equal: the value; InRange: low and high; InValues: the values; InSet: the category codes.</param>
internal sealed record IndicatorColumn(int Source, TestOp Op, double[] Numbers)
{
    public double Evaluate(double x)
    {
        if (Op == TestOp.IsMissing)
            return Features.IsMissing(x) ? 1 : 0;
        if (double.IsNaN(x))
            return double.NaN;
        var holds = Op switch
        {
            TestOp.Equal => x == Numbers[0],
            TestOp.InRange => x >= Numbers[0] && x <= Numbers[1],
            _ => Array.IndexOf(Numbers, x) >= 0,
        };
        return holds ? 1 : 0;
    }

    public bool Same(IndicatorColumn other) => Source == other.Source && Op == other.Op && Numbers.AsSpan().SequenceEqual(other.Numbers);
}
