using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using PmmlEngine.Backends.Interpreter;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// Adds one tree's leaf scores to the running sums of eight rows at once, with the arithmetic of
/// <c>EnsembleInterpreter.SumAdd</c> for one <see cref="SumKind"/>: a type argument, so that the batch walk is compiled
/// once per kind and adds without a branch or a round trip through memory per row.
/// </summary>
internal interface ILaneSum
{
    /// <summary>Rows 0–3 and 4–7 of <paramref name="sums"/> plus <paramref name="low"/> and <paramref name="high"/>.</summary>
    static abstract void Add(ref double sums, Vector256<double> low, Vector256<double> high, double weight);
}

/// <summary><see cref="SumKind.Plain"/>: sum + score.</summary>
internal readonly struct PlainLaneSum : ILaneSum
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref double sums, Vector256<double> low, Vector256<double> high, double weight)
    {
        (Vector256.LoadUnsafe(ref sums) + low).StoreUnsafe(ref sums);
        (Vector256.LoadUnsafe(ref sums, 4) + high).StoreUnsafe(ref sums, 4);
    }
}

/// <summary><see cref="SumKind.Weighted"/>: sum + score × weight, rounded after the product as in double code (no fused multiply-add).</summary>
internal readonly struct WeightedLaneSum : ILaneSum
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref double sums, Vector256<double> low, Vector256<double> high, double weight)
    {
        var w = Vector256.Create(weight);
        (Vector256.LoadUnsafe(ref sums) + low * w).StoreUnsafe(ref sums);
        (Vector256.LoadUnsafe(ref sums, 4) + high * w).StoreUnsafe(ref sums, 4);
    }
}

/// <summary><see cref="SumKind.Float"/>: (float)sum + (float)score in float32, kept as a double.</summary>
internal readonly struct FloatLaneSum : ILaneSum
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref double sums, Vector256<double> low, Vector256<double> high, double weight)
    {
        var sum = Vector256.Narrow(Vector256.LoadUnsafe(ref sums), Vector256.LoadUnsafe(ref sums, 4)) + Vector256.Narrow(low, high);
        Vector256.WidenLower(sum).StoreUnsafe(ref sums);
        Vector256.WidenUpper(sum).StoreUnsafe(ref sums, 4);
    }
}
