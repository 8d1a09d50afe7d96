using PmmlEngine.Backends.Compiled;

namespace PmmlEngine.Tests.Backends;

/// <summary>
/// The rewrites that let flattened trees use one "x ≤ t" test: checked against the comparison they replace on values
/// at, next to and between split points, including float32 rounding boundaries.
/// </summary>
[TestFixture]
public sealed class ThresholdTests
{
    private static IEnumerable<double> Probes(double c)
    {
        var f = (float)c;
        double[] centres = [c, f, MathF.BitIncrement(f), MathF.BitDecrement(f), ((double)f + MathF.BitIncrement(f)) / 2, ((double)f + MathF.BitDecrement(f)) / 2];
        foreach (var centre in centres)
        {
            yield return centre;
            yield return Math.BitIncrement(centre);
            yield return Math.BitDecrement(centre);
        }
        yield return double.PositiveInfinity;
        yield return double.NegativeInfinity;
    }

    private static IEnumerable<double> Constants()
    {
        var random = new Random(20261123);
        double[] fixedOnes = [0, -0.0, 1, -1, 0.1, 41.50000000000001, 1e-45, 1.5e-45, float.MaxValue, -float.MaxValue, 3.4028235677973366e38, double.MaxValue, 16777217, 0.5, 2.5];
        foreach (var c in fixedOnes)
            yield return c;
        for (var i = 0; i < 500; i++)
            yield return (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-40, 40));
    }

    [Test]
    public void LessThan_IsLessOrEqualToTheDoubleBelow()
    {
        foreach (var c in Constants())
        {
            var t = Thresholds.LessThan(c)!.Value;
            foreach (var x in Probes(c))
                Assert.That(x <= t, Is.EqualTo(x < c), $"x={x:R} c={c:R}");
        }
        Assert.That(Thresholds.LessThan(double.NegativeInfinity), Is.Null);
    }

    [Test]
    public void FloatComparisons_MatchComparingAsFloat()
    {
        foreach (var c in Constants())
        {
            var f = (float)c;
            var le = Thresholds.FloatLessOrEqual(f);
            var lt = Thresholds.FloatLessThan(f);
            var high = Thresholds.FloatLessOrEqual(f);
            var negativeLow = Thresholds.FloatLessOrEqual(-f);
            foreach (var x in Probes(c))
            {
                if (le is { } l)
                    Assert.That(x <= l, Is.EqualTo((float)x <= f), $"(float){x:R} <= {f:R}");
                if (lt is { } t)
                    Assert.That(x <= t, Is.EqualTo((float)x < f), $"(float){x:R} < {f:R}");
                if (float.IsFinite(f) && high is { } h && negativeLow is { } nl)
                    Assert.That(x >= -nl && x <= h, Is.EqualTo((float)x == f), $"(float){x:R} == {f:R}");
            }
        }
    }
}
