using PmmlEngine.Errors;
using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>Evaluates the expression IR directly: the reference semantics the other backends are tested against.</summary>
internal static class ExpressionInterpreter
{
    public static Value Evaluate(PlanExpression expression, RowContext row, Value[] frame)
    {
        switch (expression)
        {
            case ConstantPlan c:
                return c.Value;
            case SlotRefPlan s:
                var value = row.Get(s.Slot);
                return value.IsMissing && s.MapMissingTo.HasValue ? s.MapMissingTo : value;
            case ParameterRefPlan p:
                var argument = frame[p.Index];
                return argument.IsMissing && p.MapMissingTo.HasValue ? p.MapMissingTo : argument;
            case ApplyPlan a:
                return StackGuard.HasRoom() ? Apply(a, row, frame) : StackGuard.Continue(static s => Apply(s.a, s.row, s.frame), (a, row, frame));
            case CallPlan c:
                return StackGuard.HasRoom() ? Call(c, row, frame) : StackGuard.Continue(static s => Call(s.c, s.row, s.frame), (c, row, frame));
            case NormContinuousPlan n:
                return NormContinuous(n, Evaluate(n.Field, row, frame));
            case NormDiscretePlan n:
                var field = Evaluate(n.Field, row, frame);
                return field.IsMissing ? n.MapMissingTo : Value.Of(field.Equals(n.Value) ? 1.0 : 0.0);
            case DiscretizePlan d:
                return Discretize(d, Evaluate(d.Field, row, frame));
            case MapValuesPlan m:
                return MapValues(m, row, frame);
            case TextIndexPlan t:
                var text = Evaluate(t.Text, row, frame);
                var term = Evaluate(t.Term, row, frame);
                return text.IsMissing || term.IsMissing ? Value.Missing : Value.Of(t.Indexer.Frequency(text.String, term.String));
            default:
                throw new InvalidOperationException($"unknown expression {expression.GetType().Name}");
        }
    }

    private static Value Apply(ApplyPlan apply, RowContext row, Value[] frame)
    {
        var arguments = new Value[apply.Arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
            arguments[i] = Evaluate(apply.Arguments[i], row, frame);
        return Apply(apply, arguments);
    }

    /// <summary>An Apply over its evaluated arguments: the function's missing policy, then invalidValueTreatment and defaultValue.</summary>
    internal static Value Apply(ApplyPlan apply, ReadOnlySpan<Value> arguments)
    {
        var function = apply.Function;
        var anyMissing = false;
        var anyInvalid = false;
        foreach (var argument in arguments)
        {
            anyMissing |= argument.IsMissing;
            anyInvalid |= argument.IsInvalid;
        }
        Value result;
        if (function.Missing == MissingPolicy.Propagate && anyMissing)
        {
            if (apply.MapMissingTo.HasValue)
                return apply.MapMissingTo;
            result = Value.Missing;
        }
        else
        {
            result = function.Missing == MissingPolicy.Propagate && anyInvalid ? Value.Invalid : function.Body(arguments);
        }
        return Finish(apply, result, arguments);
    }

    /// <summary>What an Apply makes of its function's result: invalidValueTreatment, then defaultValue for a missing result.</summary>
    internal static Value Finish(ApplyPlan apply, Value result, ReadOnlySpan<Value> arguments)
    {
        if (result.IsInvalid)
        {
            switch (apply.InvalidTreatment)
            {
                case InvalidValueTreatment.ReturnInvalid:
                    throw new PmmlEvaluationException(
                        $"function '{apply.Function.Name}' has no valid result for ({string.Join(", ", arguments.ToArray())})", null, apply.Location);
                case InvalidValueTreatment.AsMissing:
                    result = Value.Missing;
                    break;
            }
        }
        return result.IsMissing && apply.DefaultValue.HasValue ? apply.DefaultValue : result;
    }

    private static Value Call(CallPlan call, RowContext row, Value[] frame)
    {
        var function = call.Function;
        var arguments = new Value[call.Arguments.Length];
        var anyMissing = false;
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = Evaluate(call.Arguments[i], row, frame);
            arguments[i] = function.ParameterTypes[i] is { } type ? ValueParser.Convert(argument, type) : argument;
            anyMissing |= argument.IsMissing;
        }
        return Finish(call, Evaluate(function.Body, row, arguments), anyMissing);
    }

    /// <summary>A user function's result: converted to its declared type; a missing one takes mapMissingTo or defaultValue.</summary>
    internal static Value Finish(CallPlan call, Value result, bool anyMissing)
    {
        if (call.Function.ResultType is { } resultType)
            result = ValueParser.Convert(result, resultType);
        if (result.IsMissing)
            return anyMissing && call.MapMissingTo.HasValue ? call.MapMissingTo : call.DefaultValue.HasValue ? call.DefaultValue : result;
        return result;
    }

    /// <summary>PMML 4.4 NormContinuous: linear interpolation between knots; outliers per the outliers attribute.</summary>
    private static Value NormContinuous(NormContinuousPlan n, Value field)
    {
        if (field.IsMissing)
            return n.MapMissingTo;
        if (!field.TryGetNumber(out var x))
            return Value.Invalid;
        var orig = n.Orig;
        var norm = n.Norm;
        var last = orig.Length - 1;
        if (x < orig[0] || x > orig[last])
        {
            switch (n.Outliers)
            {
                case OutlierTreatment.AsMissingValues:
                    return Value.Missing;
                case OutlierTreatment.AsExtremeValues:
                    return Value.Of(x < orig[0] ? norm[0] : norm[last]);
            }
        }
        var i = 0;
        if (x > orig[0])
        {
            i = last - 1;
            for (var k = 1; k < last; k++)
            {
                if (x <= orig[k])
                {
                    i = k - 1;
                    break;
                }
            }
        }
        return Value.Of(norm[i] + (x - orig[i]) * (norm[i + 1] - norm[i]) / (orig[i + 1] - orig[i]));
    }

    private static Value Discretize(DiscretizePlan d, Value field)
    {
        if (field.IsMissing)
            return d.MapMissingTo;
        if (!field.TryGetNumber(out var x))
            return Value.Invalid;
        for (var i = 0; i < d.Intervals.Length; i++)
            if (d.Intervals[i].Contains(x))
                return d.BinValues[i];
        return d.DefaultValue;
    }

    private static Value MapValues(MapValuesPlan m, RowContext row, Value[] frame)
    {
        var key = new Value[m.Fields.Length];
        for (var i = 0; i < key.Length; i++)
        {
            key[i] = Evaluate(m.Fields[i], row, frame);
            if (key[i].IsMissing)
                return m.MapMissingTo;
        }
        return Lookup(m, key);
    }

    internal static Value Lookup(MapValuesPlan m, Value[] key) => m.Table.TryGetValue(new RowKey(key), out var value) ? value : m.DefaultValue;
}
