using PmmlEngine.Types;

namespace PmmlEngine.Functions;

internal static class Comparisons
{
    public static FunctionBody Compare(Func<int, bool> accept) => args =>
        args[0].HasValue && args[1].HasValue ? Value.Of(accept(args[0].CompareTo(args[1]))) : Value.Invalid;

    public static Value Equal(ReadOnlySpan<Value> args) => Value.Of(args[0].Equals(args[1]));

    public static Value IsIn(ReadOnlySpan<Value> args)
    {
        for (var i = 1; i < args.Length; i++)
            if (args[0].Equals(args[i]))
                return Value.True;
        return Value.False;
    }

    public static Value And(ReadOnlySpan<Value> args)
    {
        foreach (var a in args)
            if (!IsTrue(a)) return Value.False;
        return Value.True;
    }

    public static Value Or(ReadOnlySpan<Value> args)
    {
        foreach (var a in args)
            if (IsTrue(a)) return Value.True;
        return Value.False;
    }

    /// <summary>if(condition, then[, else]): only the condition must be present.</summary>
    public static Value If(ReadOnlySpan<Value> args)
    {
        if (args[0].IsMissing)
            return Value.Missing;
        return IsTrue(args[0]) ? args[1] : args.Length > 2 ? args[2] : Value.Missing;
    }

    /// <summary>Booleans, numbers (non-zero) and the strings true/false read as truth values.</summary>
    public static bool IsTrue(Value value) => value.Kind == ValueKind.String
        ? ValueParser.Convert(value, DataType.Boolean) is { Kind: ValueKind.Boolean } b && b.Bool
        : value.TryGetNumber(out var x) && x != 0;
}
