using PmmlEngine.Types;

namespace PmmlEngine.Functions;

/// <summary>Numeric built-ins. A NaN produced from numbers is an invalid result (sqrt(-1), 0/0, ln(-1)).</summary>
internal static class Arithmetic
{
    public static Value Number(double x) => double.IsNaN(x) ? Value.Invalid : Value.Of(x);

    public static bool TryNumbers(ReadOnlySpan<Value> args, Span<double> numbers)
    {
        for (var i = 0; i < args.Length; i++)
            if (!args[i].TryGetNumber(out numbers[i]))
                return false;
        return true;
    }

    public static FunctionBody Unary(Func<double, double> f) => args =>
        args[0].TryGetNumber(out var x) ? Number(f(x)) : Value.Invalid;

    public static FunctionBody Binary(Func<double, double, double> f) => args =>
        args[0].TryGetNumber(out var x) && args[1].TryGetNumber(out var y) ? Number(f(x, y)) : Value.Invalid;

    public static FunctionBody Ternary(Func<double, double, double, double> f) => args =>
        args[0].TryGetNumber(out var x) && args[1].TryGetNumber(out var y) && args[2].TryGetNumber(out var z) ? Number(f(x, y, z)) : Value.Invalid;

    /// <summary>Aggregates over the present arguments; missing ones were already dropped.</summary>
    public static FunctionBody Aggregate(Func<List<double>, double> f) => args =>
    {
        var values = new List<double>(args.Length);
        foreach (var a in args)
        {
            if (a.IsMissing) continue;
            if (!a.TryGetNumber(out var x)) return Value.Invalid;
            values.Add(x);
        }
        return values.Count == 0 ? Value.Missing : Number(f(values));
    };

    public static double Median(List<double> values)
    {
        values.Sort();
        var n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    public static double Product(List<double> values)
    {
        var p = 1.0;
        foreach (var v in values) p *= v;
        return p;
    }

    public static double Sum(List<double> values)
    {
        var s = 0.0;
        foreach (var v in values) s += v;
        return s;
    }

    /// <summary>Java's Math.round, which PMML's round follows: halves go up.</summary>
    public static double RoundHalfUp(double x) => Math.Floor(x + 0.5);

    /// <summary>PMML 4.4 modulo: the result has the sign of the divisor, like floor division.</summary>
    public static double Modulo(double x, double y) => x - Math.Floor(x / y) * y;
}
