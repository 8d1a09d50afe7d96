using System.Linq.Expressions;
using System.Reflection;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;
using E = System.Linq.Expressions.Expression;

namespace PmmlEngine.Backends.Compiled;

/// <summary>Compiles predicates to three-valued code (<see cref="Truth"/>) with the interpreter's comparison rules.</summary>
internal static class PredicateCompiler
{
    private static readonly MethodInfo GetSlot = typeof(RowContext).GetMethod(nameof(RowContext.Get))!;
    private static readonly MethodInfo Compare = typeof(PredicateInterpreter).GetMethod(nameof(PredicateInterpreter.Compare), BindingFlags.Static | BindingFlags.NonPublic)!;

    /// <summary>
    /// Compiles predicates by position; one that cannot be compiled is evaluated by the interpreter instead, so the
    /// result always has a delegate for every position.
    /// </summary>
    public static Func<RowContext, int, Truth>[] CompileAll(IReadOnlyList<PredicatePlan> predicates, DocumentPlan document, Action<string> fallback)
    {
        var compiled = CompiledSwitch.Compile<Truth>(predicates.Count,
            predicates.Select((p, i) => new CompiledSwitch.Case(i, $"predicate {i}", row => Emit(CompileLimits.Checked(p), row, document))), fallback);
        return compiled.Select((f, i) => f ?? ((row, _) => PredicateInterpreter.Evaluate(predicates[i], row))).ToArray();
    }

    public static E Emit(PredicatePlan predicate, ParameterExpression row, DocumentPlan document) => predicate switch
    {
        ConstantPredicatePlan c => E.Constant(c.Value ? Truth.True : Truth.False),
        SimplePredicatePlan s => Simple(s, row, document),
        SetPredicatePlan s => Set(s, row, document),
        CompoundPredicatePlan c => Compound(c, row, document),
        _ => throw new InvalidOperationException($"unknown predicate {predicate.GetType().Name}"),
    };

    private static E ToTruth(E condition) => E.Condition(condition, E.Constant(Interpreter.Truth.True), E.Constant(Interpreter.Truth.False));

    private static E Simple(SimplePredicatePlan s, ParameterExpression row, DocumentPlan document)
    {
        var v = E.Variable(typeof(Value), "v");
        var kind = E.Property(v, nameof(Value.Kind));
        switch (s.Operator)
        {
            case ComparisonOperator.IsMissing:
                return E.Block([v], E.Assign(v, E.Call(row, GetSlot, E.Constant(s.Slot))), ToTruth(E.Equal(kind, E.Constant(ValueKind.Missing))));
            case ComparisonOperator.IsNotMissing:
                return E.Block([v], E.Assign(v, E.Call(row, GetSlot, E.Constant(s.Slot))), ToTruth(E.NotEqual(kind, E.Constant(ValueKind.Missing))));
        }
        E general = E.Call(Compare, E.Constant(s), v);
        var numeric = s.Constant.Kind == ValueKind.Number && IsNumeric(document.Slots[s.Slot].DataType);
        if (numeric && s.Operator is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual) || numeric && s.CompareAsFloat)
        {
            // A number compares through CompareTo, as the interpreter does (NaN orders below every number).
            E x = E.Property(v, nameof(Value.Number));
            E c = E.Constant(s.Constant.Number);
            if (s.CompareAsFloat)
            {
                x = E.Convert(x, typeof(float));
                c = E.Constant((float)s.Constant.Number);
            }
            var cmp = E.Call(x, x.Type.GetMethod(nameof(double.CompareTo), [x.Type])!, c);
            E zero = E.Constant(0);
            E test = s.Operator switch
            {
                ComparisonOperator.Equal => E.Equal(cmp, zero),
                ComparisonOperator.NotEqual => E.NotEqual(cmp, zero),
                ComparisonOperator.LessThan => E.LessThan(cmp, zero),
                ComparisonOperator.LessOrEqual => E.LessThanOrEqual(cmp, zero),
                ComparisonOperator.GreaterThan => E.GreaterThan(cmp, zero),
                _ => E.GreaterThanOrEqual(cmp, zero),
            };
            general = E.Condition(E.Equal(kind, E.Constant(ValueKind.Number)), test, general);
        }
        return E.Block([v], E.Assign(v, E.Call(row, GetSlot, E.Constant(s.Slot))),
            E.Condition(IsAbsent(kind), E.Constant(Interpreter.Truth.Unknown), ToTruth(general)));
    }

    private static E Set(SetPredicatePlan s, ParameterExpression row, DocumentPlan document)
    {
        var v = E.Variable(typeof(Value), "v");
        E contains;
        if (document.Slots[s.Slot].DataType == DataType.String && s.Values.All(x => x.Kind == ValueKind.String))
        {
            // String fields hold strings, and strings are equal exactly when ordinally equal.
            var strings = s.Values.Select(x => x.String).ToHashSet(StringComparer.Ordinal);
            contains = E.Call(E.Constant(strings), nameof(HashSet<string>.Contains), null,
                E.Convert(E.Property(v, nameof(Value.Payload)), typeof(string)));
        }
        else
        {
            contains = E.Call(E.Constant(s.Values), nameof(HashSet<Value>.Contains), null, v);
        }
        return E.Block([v], E.Assign(v, E.Call(row, GetSlot, E.Constant(s.Slot))),
            E.Condition(IsAbsent(E.Property(v, nameof(Value.Kind))),
                E.Constant(Interpreter.Truth.Unknown), ToTruth(s.IsIn ? contains : E.Not(contains))));
    }

    /// <summary>and/or stop at the first deciding part; xor needs every part; surrogate takes the first known part.</summary>
    private static E Compound(CompoundPredicatePlan c, ParameterExpression row, DocumentPlan document)
    {
        var result = E.Variable(typeof(Truth), "result");
        var t = E.Variable(typeof(Truth), "t");
        var done = E.Label(typeof(Truth), "done");
        var body = new List<E>();
        E Is(Truth value) => E.Equal(t, E.Constant(value));
        switch (c.Operator)
        {
            case BooleanOperator.And:
            case BooleanOperator.Or:
                var decisive = c.Operator == BooleanOperator.And ? Interpreter.Truth.False : Interpreter.Truth.True;
                body.Add(E.Assign(result, E.Constant(c.Operator == BooleanOperator.And ? Interpreter.Truth.True : Interpreter.Truth.False)));
                foreach (var part in c.Parts)
                {
                    body.Add(E.Assign(t, Emit(part, row, document)));
                    body.Add(E.IfThen(Is(decisive), E.Return(done, t)));
                    body.Add(E.IfThen(Is(Interpreter.Truth.Unknown), E.Assign(result, t)));
                }
                body.Add(E.Label(done, result));
                break;
            case BooleanOperator.Xor:
                var parity = E.Variable(typeof(bool), "parity");
                body.Add(E.Assign(parity, E.Constant(false)));
                foreach (var part in c.Parts)
                {
                    body.Add(E.Assign(t, Emit(part, row, document)));
                    body.Add(E.IfThen(Is(Interpreter.Truth.Unknown), E.Return(done, t)));
                    body.Add(E.ExclusiveOrAssign(parity, Is(Interpreter.Truth.True)));
                }
                body.Add(E.Label(done, ToTruth(parity)));
                return E.Block(typeof(Truth), [result, t, parity], body);
            default:
                foreach (var part in c.Parts)
                {
                    body.Add(E.Assign(t, Emit(part, row, document)));
                    body.Add(E.IfThen(E.Not(Is(Interpreter.Truth.Unknown)), E.Return(done, t)));
                }
                body.Add(E.Label(done, E.Constant(Interpreter.Truth.Unknown)));
                break;
        }
        return E.Block(typeof(Truth), [result, t], body);
    }

    /// <summary>Missing or invalid: the kinds ordered before every present value.</summary>
    private static E IsAbsent(E kind) => E.LessThanOrEqual(E.Convert(kind, typeof(int)), E.Constant((int)ValueKind.Invalid));

    private static bool IsNumeric(DataType type) => type is DataType.Double or DataType.Float or DataType.Integer;
}
