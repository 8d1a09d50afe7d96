using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>Entry points compiled code calls for built-ins it does not inline; arguments travel on the stack.</summary>
internal static class ApplyRuntime
{
    public static Value Apply1(ApplyPlan apply, Value a) => ExpressionInterpreter.Apply(apply, [a]);

    public static Value Apply2(ApplyPlan apply, Value a, Value b) => ExpressionInterpreter.Apply(apply, [a, b]);

    public static Value Apply3(ApplyPlan apply, Value a, Value b, Value c) => ExpressionInterpreter.Apply(apply, [a, b, c]);

    public static Value ApplyN(ApplyPlan apply, RowContext row, int start)
    {
        var count = apply.Arguments.Length;
        var result = ExpressionInterpreter.Apply(apply, row.Scratch.AsSpan(start, count));
        row.Release(count);
        return result;
    }

    public static Value Lookup(MapValuesPlan m, Value[] key)
    {
        foreach (var k in key)
            if (k.IsMissing)
                return m.MapMissingTo;
        return ExpressionInterpreter.Lookup(m, key);
    }
}
