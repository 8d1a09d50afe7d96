namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// How field values are written into a tree's feature vector: numbers as themselves, categories as codes, and the two
/// kinds of absent value (and a failed computation) as distinct NaNs, so one comparison tells a present value from an absent one.
/// </summary>
internal static class Features
{
    public static readonly double Missing = BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0001);
    public static readonly double Invalid = BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0002);

    /// <summary>A derived field whose computation threw; reading it must throw again.</summary>
    public static readonly double Failed = BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0003);

    /// <summary>Not read yet in this record: single records read a feature when a test first needs it.</summary>
    public static readonly double Unread = BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0004);

    public static bool IsUnread(double feature) => BitConverter.DoubleToInt64Bits(feature) == 0x7FF8_0000_0000_0004;

    public static bool IsMissing(double feature) => BitConverter.DoubleToInt64Bits(feature) == 0x7FF8_0000_0000_0001;

    public static bool IsFailed(double feature) => BitConverter.DoubleToInt64Bits(feature) == 0x7FF8_0000_0000_0003;

    /// <summary>
    /// A NaN that is a value orders below every number in the interpreter's comparisons (double.CompareTo), which is how
    /// negative infinity behaves against every finite threshold; infinite thresholds never reach the fast tests.
    /// </summary>
    public static double Number(double x) => double.IsNaN(x) ? double.NegativeInfinity : x;
}
