using PmmlEngine.Types;
using static PmmlEngine.Functions.MissingPolicy;

namespace PmmlEngine.Functions;

/// <summary>Every PMML 4.4 built-in function, by name. The single registry that planners and docs read.</summary>
public static class BuiltinFunctions
{
    private const int Var = BuiltinFunction.Variadic;

    // A plain dictionary: it is read while planning, never per record, and a frozen one costs milliseconds to build at
    // start-up, which every process pays on its first load.
    public static IReadOnlyDictionary<string, BuiltinFunction> All { get; } = Build();

    public static bool TryGet(string name, out BuiltinFunction function) => All.TryGetValue(name, out function!);

    private static Dictionary<string, BuiltinFunction> Build()
    {
        var list = new List<BuiltinFunction>
        {
            // Arithmetic (missing in, missing out).
            new("+", 2, 2, Propagate, Arithmetic.Binary((a, b) => a + b)),
            new("-", 2, 2, Propagate, Arithmetic.Binary((a, b) => a - b)),
            new("*", 2, 2, Propagate, Arithmetic.Binary((a, b) => a * b)),
            new("/", 2, 2, Propagate, Arithmetic.Binary((a, b) => a / b)),
            // Aggregates over one record's arguments: missing arguments are ignored.
            new("min", 1, Var, Skip, Arithmetic.Aggregate(v => v.Min())),
            new("max", 1, Var, Skip, Arithmetic.Aggregate(v => v.Max())),
            new("sum", 1, Var, Skip, Arithmetic.Aggregate(Arithmetic.Sum)),
            new("avg", 1, Var, Skip, Arithmetic.Aggregate(v => Arithmetic.Sum(v) / v.Count)),
            new("median", 1, Var, Skip, Arithmetic.Aggregate(Arithmetic.Median)),
            new("product", 1, Var, Skip, Arithmetic.Aggregate(Arithmetic.Product)),
            // Mathematical functions.
            new("log10", 1, 1, Propagate, Arithmetic.Unary(Math.Log10)),
            new("ln", 1, 1, Propagate, Arithmetic.Unary(Math.Log)),
            new("sqrt", 1, 1, Propagate, Arithmetic.Unary(Math.Sqrt)),
            new("abs", 1, 1, Propagate, Arithmetic.Unary(Math.Abs)),
            new("exp", 1, 1, Propagate, Arithmetic.Unary(Math.Exp)),
            new("pow", 2, 2, Propagate, Arithmetic.Binary(Math.Pow)),
            new("threshold", 2, 2, Propagate, Arithmetic.Binary((x, t) => x > t ? 1 : 0)),
            new("floor", 1, 1, Propagate, Arithmetic.Unary(Math.Floor)),
            new("ceil", 1, 1, Propagate, Arithmetic.Unary(Math.Ceiling)),
            new("round", 1, 1, Propagate, Arithmetic.Unary(Arithmetic.RoundHalfUp)),
            new("rint", 1, 1, Propagate, Arithmetic.Unary(x => Math.Round(x, MidpointRounding.ToEven))),
            new("modulo", 2, 2, Propagate, Arithmetic.Binary(Arithmetic.Modulo)),
            new("expm1", 1, 1, Propagate, Arithmetic.Unary(x => Math.Abs(x) < 1e-5 ? x + x * x / 2 + x * x * x / 6 : Math.Exp(x) - 1)),
            new("ln1p", 1, 1, Propagate, Arithmetic.Unary(x => Math.Abs(x) < 1e-4 ? x - x * x / 2 + x * x * x / 3 : Math.Log(1 + x))),
            new("hypot", 2, 2, Propagate, Arithmetic.Binary((x, y) => Math.Sqrt(x * x + y * y))),
            new("sin", 1, 1, Propagate, Arithmetic.Unary(Math.Sin)),
            new("cos", 1, 1, Propagate, Arithmetic.Unary(Math.Cos)),
            new("tan", 1, 1, Propagate, Arithmetic.Unary(Math.Tan)),
            new("asin", 1, 1, Propagate, Arithmetic.Unary(Math.Asin)),
            new("acos", 1, 1, Propagate, Arithmetic.Unary(Math.Acos)),
            new("atan", 1, 1, Propagate, Arithmetic.Unary(Math.Atan)),
            new("atan2", 2, 2, Propagate, Arithmetic.Binary(Math.Atan2)),
            new("sinh", 1, 1, Propagate, Arithmetic.Unary(Math.Sinh)),
            new("cosh", 1, 1, Propagate, Arithmetic.Unary(Math.Cosh)),
            new("tanh", 1, 1, Propagate, Arithmetic.Unary(Math.Tanh)),
            // Statistical functions (PMML 4.4).
            new("erf", 1, 1, Propagate, Arithmetic.Unary(Distributions.Erf)),
            new("normalCDF", 3, 3, Propagate, Arithmetic.Ternary(Distributions.NormalCdf)),
            new("normalPDF", 3, 3, Propagate, Arithmetic.Ternary(Distributions.NormalPdf)),
            new("normalIDF", 3, 3, Propagate, Arithmetic.Ternary(Distributions.NormalIdf)),
            new("stdNormalCDF", 1, 1, Propagate, Arithmetic.Unary(Distributions.StdNormalCdf)),
            new("stdNormalPDF", 1, 1, Propagate, Arithmetic.Unary(Distributions.StdNormalPdf)),
            new("stdNormalIDF", 1, 1, Propagate, Arithmetic.Unary(Distributions.StdNormalIdf)),
            // Missing and valid checks look at the argument itself.
            new("isMissing", 1, 1, Inspect, args => Value.Of(args[0].IsMissing)),
            new("isNotMissing", 1, 1, Inspect, args => Value.Of(!args[0].IsMissing)),
            new("isValid", 1, 1, Inspect, args => Value.Of(args[0].HasValue)),
            new("isNotValid", 1, 1, Inspect, args => Value.Of(args[0].IsInvalid)),
            // Comparisons and boolean logic.
            new("equal", 2, 2, Propagate, Comparisons.Equal),
            new("notEqual", 2, 2, Propagate, args => Value.Of(!args[0].Equals(args[1]))),
            new("lessThan", 2, 2, Propagate, Comparisons.Compare(c => c < 0)),
            new("lessOrEqual", 2, 2, Propagate, Comparisons.Compare(c => c <= 0)),
            new("greaterThan", 2, 2, Propagate, Comparisons.Compare(c => c > 0)),
            new("greaterOrEqual", 2, 2, Propagate, Comparisons.Compare(c => c >= 0)),
            new("isIn", 2, Var, Propagate, Comparisons.IsIn),
            new("isNotIn", 2, Var, Propagate, args => Value.Of(!Comparisons.IsIn(args).Bool)),
            new("and", 2, Var, Propagate, Comparisons.And),
            new("or", 2, Var, Propagate, Comparisons.Or),
            new("not", 1, 1, Propagate, args => Value.Of(!Comparisons.IsTrue(args[0]))),
            new("if", 2, 3, Inspect, Comparisons.If),
            // Strings.
            new("uppercase", 1, 1, Propagate, Strings.Upper),
            new("lowercase", 1, 1, Propagate, Strings.Lower),
            new("stringLength", 1, 1, Propagate, Strings.Length),
            new("substring", 3, 3, Propagate, Strings.Substring),
            new("trimBlanks", 1, 1, Propagate, Strings.Trim),
            new("concat", 1, Var, Skip, Strings.Concat),
            new("replace", 3, 3, Propagate, Strings.Replace),
            new("matches", 2, 2, Propagate, Strings.Matches),
            new("formatNumber", 2, 2, Propagate, NumberFormat.Format),
            new("formatDatetime", 2, 2, Propagate, Dates.Format),
            // Dates.
            new("dateDaysSinceYear", 2, 2, Propagate, Dates.DaysSinceYear),
            new("dateSecondsSinceYear", 2, 2, Propagate, Dates.SecondsSinceYear),
            new("dateSecondsSinceMidnight", 1, 1, Propagate, Dates.SecondsSinceMidnight),
        };
        return list.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }
}
