using System.Globalization;

namespace PmmlEngine.Tests.Conformance;

/// <summary>The comparison rules of ../shared/conformance/README.md.</summary>
internal sealed record Tolerance(string Kind, double Amount)
{
    public static Tolerance Parse(string text)
    {
        var parts = text.Split(':');
        return new Tolerance(parts[0], double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>Null when the cells agree, otherwise why they do not.</summary>
    public string? Compare(string expected, string actual)
    {
        if (expected.Length == 0)
            return actual.Length == 0 ? null : $"expected missing, got {actual}";
        if (actual.Length == 0)
            return $"expected {expected}, got missing";
        if (!TryNumber(expected, out var e) || !TryNumber(actual, out var a))
        {
            if (bool.TryParse(expected, out var eb) && bool.TryParse(actual, out var ab))
                return eb == ab ? null : $"expected {expected}, got {actual}";
            return expected == actual ? null : $"expected '{expected}', got '{actual}'";
        }
        if (Kind == "float-ulp")
        {
            float ef = (float)e, af = (float)a;
            var ulp = MathF.BitIncrement(MathF.Abs(ef)) - MathF.Abs(ef);
            var ulps = MathF.Abs(af - ef) / ulp;
            return ulps <= Amount ? null : $"expected {expected}, got {actual} ({ulps:0.#} float ulps apart, {Amount} allowed)";
        }
        if (Math.Abs(e) <= Amount && Math.Abs(a) <= Amount)
            return null;
        var low = e * (1 - Amount);
        var high = e * (1 + Amount);
        if (a >= Math.Min(low, high) && a <= Math.Max(low, high))
            return null;
        return $"expected {expected}, got {actual} (relative error {Math.Abs(a - e) / Math.Abs(e):E2}, {Amount} allowed)";
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
