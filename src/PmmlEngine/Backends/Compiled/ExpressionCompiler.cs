using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;
using E = System.Linq.Expressions.Expression;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// Compiles the expression IR to System.Linq.Expressions over the record's <see cref="RowContext"/>. Arithmetic on numbers,
/// the piecewise transformations and user functions become inline code; other built-ins are called directly with their
/// arguments on the stack, through the same missing and invalid value handling as the interpreter.
/// </summary>
internal static class ExpressionCompiler
{
    private static readonly MethodInfo GetSlot = typeof(RowContext).GetMethod(nameof(RowContext.Get))!;
    private static readonly MethodInfo TryGetNumber = typeof(Value).GetMethod(nameof(Value.TryGetNumber))!;
    private static readonly MethodInfo ValueEquals = typeof(Value).GetMethod(nameof(Value.Equals), [typeof(Value)])!;
    private static readonly MethodInfo OfNumber = typeof(Value).GetMethod(nameof(Value.Of), [typeof(double)])!;

    public static E Emit(PlanExpression expression, ParameterExpression row, ParameterExpression[] frame) => expression switch
    {
        ConstantPlan c => Constant(c.Value),
        SlotRefPlan s => MapMissing(E.Call(row, GetSlot, E.Constant(s.Slot)), s.MapMissingTo),
        ParameterRefPlan p => MapMissing(frame[p.Index], p.MapMissingTo),
        ApplyPlan a => Apply(a, row, frame),
        CallPlan c => Call(c, row, frame),
        NormContinuousPlan n => NormContinuous(n, Emit(n.Field, row, frame)),
        NormDiscretePlan n => NormDiscrete(n, Emit(n.Field, row, frame)),
        DiscretizePlan d => Discretize(d, Emit(d.Field, row, frame)),
        MapValuesPlan m => MapValues(m, row, frame),
        TextIndexPlan t => TextIndex(t, Emit(t.Text, row, frame), Emit(t.Term, row, frame)),
        _ => throw new InvalidOperationException($"unknown expression {expression.GetType().Name}"),
    };

    public static E Constant(Value value) => E.Constant(value, typeof(Value));

    public static E IsMissing(E value) => E.Equal(E.Property(value, nameof(Value.Kind)), E.Constant(ValueKind.Missing));

    private static E IsNumber(E value) => E.Equal(E.Property(value, nameof(Value.Kind)), E.Constant(ValueKind.Number));

    private static E MapMissing(E value, Value replacement)
    {
        if (!replacement.HasValue)
            return value;
        var v = E.Variable(typeof(Value), "v");
        return E.Block(typeof(Value), [v], E.Assign(v, value), E.Condition(IsMissing(v), Constant(replacement), v));
    }

    /// <summary>
    /// + - * / on two numbers are computed inline (a NaN result is invalid and takes the general path); everything else
    /// calls the function through <see cref="ExpressionInterpreter.Apply(ApplyPlan, ReadOnlySpan{Value})"/>.
    /// </summary>
    private static E Apply(ApplyPlan apply, ParameterExpression row, ParameterExpression[] frame)
    {
        var args = apply.Arguments.Select(a => Emit(a, row, frame)).ToArray();
        if (args.Length == 2 && apply.Function.Name is "+" or "-" or "*" or "/")
        {
            var a = E.Variable(typeof(Value), "a");
            var b = E.Variable(typeof(Value), "b");
            var x = E.Variable(typeof(double), "x");
            E na = E.Property(a, nameof(Value.Number)), nb = E.Property(b, nameof(Value.Number));
            E op = apply.Function.Name switch
            {
                "+" => E.Add(na, nb),
                "-" => E.Subtract(na, nb),
                "*" => E.Multiply(na, nb),
                _ => E.Divide(na, nb),
            };
            var general = E.Call(typeof(ApplyRuntime).GetMethod(nameof(ApplyRuntime.Apply2))!, E.Constant(apply), a, b);
            return E.Block(typeof(Value), [a, b, x],
                E.Assign(a, args[0]), E.Assign(b, args[1]),
                E.Condition(E.AndAlso(IsNumber(a), IsNumber(b)),
                    E.Block(E.Assign(x, op), E.Condition(E.Call(typeof(double), nameof(double.IsNaN), null, x), general, E.Call(OfNumber, x))),
                    general));
        }
        switch (args.Length)
        {
            case 1:
                return E.Call(typeof(ApplyRuntime).GetMethod(nameof(ApplyRuntime.Apply1))!, E.Constant(apply), args[0]);
            case 2:
                return E.Call(typeof(ApplyRuntime).GetMethod(nameof(ApplyRuntime.Apply2))!, E.Constant(apply), args[0], args[1]);
            case 3:
                return E.Call(typeof(ApplyRuntime).GetMethod(nameof(ApplyRuntime.Apply3))!, E.Constant(apply), args[0], args[1], args[2]);
        }
        // Longer argument lists go to the record's scratch stack; each value is computed before the array is read,
        // because computing it may grow the stack.
        var start = E.Variable(typeof(int), "start");
        var temp = E.Variable(typeof(Value), "arg");
        var body = new List<E> { E.Assign(start, E.Call(row, nameof(RowContext.Reserve), null, E.Constant(args.Length))) };
        for (var i = 0; i < args.Length; i++)
        {
            body.Add(E.Assign(temp, args[i]));
            body.Add(E.Assign(E.ArrayAccess(E.Property(row, nameof(RowContext.Scratch)), E.Add(start, E.Constant(i))), temp));
        }
        body.Add(E.Call(typeof(ApplyRuntime).GetMethod(nameof(ApplyRuntime.ApplyN))!, E.Constant(apply), row, start));
        return E.Block(typeof(Value), [start, temp], body);
    }

    // Each user function is compiled once, however many fields call it (a text model has hundreds of calls).
    private static readonly ConditionalWeakTable<UserFunction, Func<RowContext, int, Value>> CompiledFunctions = [];

    /// <summary>
    /// A call of a user function: the arguments are computed here, then a runtime helper converts them, runs the
    /// function's own compiled delegate over them and applies the call's missing value rules.
    /// </summary>
    private static E Call(CallPlan call, ParameterExpression row, ParameterExpression[] frame)
    {
        var function = CompiledFunctions.GetValue(call.Function, CompileFunction);
        var args = call.Arguments.Select(a => Emit(a, row, frame)).ToArray();
        E plan = E.Constant(call), body = E.Constant(function);
        return args.Length switch
        {
            1 => E.Call(typeof(ApplyRuntime).GetMethod(nameof(ApplyRuntime.Call1))!, plan, body, row, args[0]),
            2 => E.Call(typeof(ApplyRuntime).GetMethod(nameof(ApplyRuntime.Call2))!, plan, body, row, args[0], args[1]),
            3 => E.Call(typeof(ApplyRuntime).GetMethod(nameof(ApplyRuntime.Call3))!, plan, body, row, args[0], args[1], args[2]),
            _ => E.Call(typeof(ApplyRuntime).GetMethod(nameof(ApplyRuntime.CallN))!, plan, body, row, E.NewArrayInit(typeof(Value), args)),
        };
    }

    /// <summary>A function body over its arguments, which the caller put on the record's scratch stack from <c>start</c>.</summary>
    private static Func<RowContext, int, Value> CompileFunction(UserFunction function)
    {
        var row = E.Parameter(typeof(RowContext), "row");
        var start = E.Parameter(typeof(int), "start");
        var parameters = new ParameterExpression[function.ParameterTypes.Length];
        var reads = new List<E>();
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = E.Variable(typeof(Value), $"p{i}");
            reads.Add(E.Assign(parameters[i], E.ArrayAccess(E.Property(row, nameof(RowContext.Scratch)), E.Add(start, E.Constant(i)))));
        }
        reads.Add(Emit(function.Body, row, parameters));
        return E.Lambda<Func<RowContext, int, Value>>(E.Block(typeof(Value), parameters, reads), row, start).Compile();
    }

    /// <summary>NormContinuous with its knots as constants: outlier handling, then the segment's linear interpolation.</summary>
    private static E NormContinuous(NormContinuousPlan n, E field)
    {
        var v = E.Variable(typeof(Value), "v");
        var x = E.Variable(typeof(double), "x");
        double[] orig = n.Orig, norm = n.Norm;
        var last = orig.Length - 1;
        E Segment(int i) => E.Call(OfNumber, E.Add(E.Constant(norm[i]),
            E.Divide(E.Multiply(E.Subtract(x, E.Constant(orig[i])), E.Constant(norm[i + 1] - norm[i])), E.Constant(orig[i + 1] - orig[i]))));
        E search = Segment(last - 1);
        for (var k = last - 1; k >= 1; k--)
            search = E.Condition(E.LessThanOrEqual(x, E.Constant(orig[k])), Segment(k - 1), search);
        E result = E.Condition(E.GreaterThan(x, E.Constant(orig[0])), search, Segment(0));
        var outside = E.OrElse(E.LessThan(x, E.Constant(orig[0])), E.GreaterThan(x, E.Constant(orig[last])));
        result = n.Outliers switch
        {
            OutlierTreatment.AsMissingValues => E.Condition(outside, Constant(Value.Missing), result),
            OutlierTreatment.AsExtremeValues => E.Condition(outside,
                E.Condition(E.LessThan(x, E.Constant(orig[0])), Constant(Value.Of(norm[0])), Constant(Value.Of(norm[last]))), result),
            _ => result,
        };
        return E.Block(typeof(Value), [v, x], E.Assign(v, field),
            E.Condition(IsMissing(v), Constant(n.MapMissingTo),
                E.Condition(E.Call(v, TryGetNumber, x), result, Constant(Value.Invalid))));
    }

    private static E NormDiscrete(NormDiscretePlan n, E field)
    {
        var v = E.Variable(typeof(Value), "v");
        return E.Block(typeof(Value), [v], E.Assign(v, field),
            E.Condition(IsMissing(v), Constant(n.MapMissingTo),
                E.Condition(E.Call(v, ValueEquals, Constant(n.Value)), Constant(Value.Of(1.0)), Constant(Value.Of(0.0)))));
    }

    private static E Discretize(DiscretizePlan d, E field)
    {
        var v = E.Variable(typeof(Value), "v");
        var x = E.Variable(typeof(double), "x");
        E result = Constant(d.DefaultValue);
        for (var i = d.Intervals.Length - 1; i >= 0; i--)
            result = E.Condition(Contains(d.Intervals[i], x), Constant(d.BinValues[i]), result);
        return E.Block(typeof(Value), [v, x], E.Assign(v, field),
            E.Condition(IsMissing(v), Constant(d.MapMissingTo),
                E.Condition(E.Call(v, TryGetNumber, x), result, Constant(Value.Invalid))));
    }

    private static E Contains(Interval interval, E x)
    {
        E left = interval.Closure is IntervalClosure.OpenOpen or IntervalClosure.OpenClosed
            ? E.GreaterThan(x, E.Constant(interval.Left)) : E.GreaterThanOrEqual(x, E.Constant(interval.Left));
        E right = interval.Closure is IntervalClosure.OpenOpen or IntervalClosure.ClosedOpen
            ? E.LessThan(x, E.Constant(interval.Right)) : E.LessThanOrEqual(x, E.Constant(interval.Right));
        return E.AndAlso(left, right);
    }

    private static E MapValues(MapValuesPlan m, ParameterExpression row, ParameterExpression[] frame)
    {
        if (m.Fields.Length == 1)
            return E.Call(E.Constant(new SingleKeyTable(m)), nameof(SingleKeyTable.Lookup), null, Emit(m.Fields[0], row, frame));
        var keys = m.Fields.Select(f => Emit(f, row, frame)).ToArray();
        return E.Call(typeof(ApplyRuntime).GetMethod(nameof(ApplyRuntime.Lookup))!, E.Constant(m), E.NewArrayInit(typeof(Value), keys));
    }

    private static E TextIndex(TextIndexPlan t, E text, E term)
    {
        var a = E.Variable(typeof(Value), "text");
        var b = E.Variable(typeof(Value), "term");
        var frequency = E.Call(E.Constant(t.Indexer), nameof(Functions.TextIndexer.Frequency), null,
            E.Property(a, nameof(Value.String)), E.Property(b, nameof(Value.String)));
        return E.Block(typeof(Value), [a, b], E.Assign(a, text), E.Assign(b, term),
            E.Condition(E.OrElse(IsMissing(a), IsMissing(b)), Constant(Value.Missing), E.Call(OfNumber, frequency)));
    }
}
