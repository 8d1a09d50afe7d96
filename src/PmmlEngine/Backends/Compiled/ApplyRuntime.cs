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

    public static Value Call1(CallPlan call, Func<RowContext, int, Value> body, RowContext row, Value a) => Call(call, body, row, [a]);

    public static Value Call2(CallPlan call, Func<RowContext, int, Value> body, RowContext row, Value a, Value b) => Call(call, body, row, [a, b]);

    public static Value Call3(CallPlan call, Func<RowContext, int, Value> body, RowContext row, Value a, Value b, Value c) => Call(call, body, row, [a, b, c]);

    public static Value CallN(CallPlan call, Func<RowContext, int, Value> body, RowContext row, Value[] arguments) => Call(call, body, row, arguments);

    /// <summary>
    /// Converts the arguments to the parameters' types onto the scratch stack, runs the function's compiled body and
    /// applies the call's mapMissingTo and defaultValue, as <see cref="ExpressionInterpreter"/> does for a call.
    /// </summary>
    private static Value Call(CallPlan call, Func<RowContext, int, Value> body, RowContext row, ReadOnlySpan<Value> arguments)
    {
        var types = call.Function.ParameterTypes;
        var start = row.Reserve(arguments.Length);
        var anyMissing = false;
        for (var i = 0; i < arguments.Length; i++)
        {
            anyMissing |= arguments[i].IsMissing;
            row.Scratch[start + i] = types[i] is { } type ? ValueParser.Convert(arguments[i], type) : arguments[i];
        }
        var result = body(row, start);
        row.Release(arguments.Length);
        return ExpressionInterpreter.Finish(call, result, anyMissing);
    }

    public static Value Lookup(MapValuesPlan m, Value[] key)
    {
        foreach (var k in key)
            if (k.IsMissing)
                return m.MapMissingTo;
        return ExpressionInterpreter.Lookup(m, key);
    }
}
