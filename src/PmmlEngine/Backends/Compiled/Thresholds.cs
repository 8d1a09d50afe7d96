namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// Rewrites comparisons with a constant into "x ≤ t" for a double x, exactly: x &lt; c is x ≤ the double below c, and in a
/// float math context (float)x ≤ (float)c is x ≤ the largest double that rounds to a float ≤ (float)c.
/// </summary>
internal static class Thresholds
{
    /// <summary>The t with x ≤ t ⟺ x &lt; c for every non-NaN double x; null when no such finite rewrite exists.</summary>
    public static double? LessThan(double c) => double.IsFinite(c) || c == double.PositiveInfinity ? Math.BitDecrement(c) : null;

    public static double? LessOrEqual(double c) => double.IsNaN(c) ? null : c;

    /// <summary>The t with x ≤ t ⟺ (float)x ≤ f.</summary>
    public static double? FloatLessOrEqual(float f)
    {
        if (float.IsNaN(f) || float.IsNegativeInfinity(f))
            return null;
        if (float.IsPositiveInfinity(f))
            return double.PositiveInfinity;
        // Doubles between f and the next float round to f up to their midpoint, which is exactly representable; the
        // midpoint itself rounds to whichever of the two has an even significand. Above float.MaxValue the "next float"
        // is where rounding would reach infinity, one ulp (2^104) higher.
        var next = f == float.MaxValue ? (double)f + Math.ScaleB(1.0, 104) : MathF.BitIncrement(f);
        var midpoint = ((double)f + next) / 2;
        return (float)midpoint == f ? midpoint : Math.BitDecrement(midpoint);
    }

    /// <summary>The t with x ≤ t ⟺ (float)x &lt; f.</summary>
    public static double? FloatLessThan(float f) => float.IsNegativeInfinity(f) || float.IsNaN(f) ? null : FloatLessOrEqual(MathF.BitDecrement(f));
}
