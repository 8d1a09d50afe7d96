using PmmlEngine.Errors;
using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>Turns model expressions into the IR: names bound to slots or function parameters, functions resolved.</summary>
internal sealed class ExpressionPlanner(PlanningContext context)
{
    /// <summary>Parameters of the DefineFunction whose body is being planned (null outside function bodies).</summary>
    private sealed record Parameters(Dictionary<string, int> Indices, DataType?[] Types);

    public PlanExpression Plan(Expression expression, Scope scope) => Plan(expression, scope, null);

    public void PlanFunctionBodies(TransformationDictionary dictionary, Scope global)
    {
        foreach (var function in dictionary.Functions)
        {
            if (context.Functions.ContainsKey(function.Name) || BuiltinFunctions.TryGet(function.Name, out _))
                context.Error(MarkupProblemKind.InvalidElement, $"function '{function.Name}' is defined twice or shadows a built-in function", function.Location);
            context.Functions[function.Name] = new UserFunction(function.Name,
                function.Parameters.Select(p => p.DataType).ToArray(), function.DataType);
        }
        foreach (var function in dictionary.Functions)
        {
            var indices = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < function.Parameters.Length; i++)
                indices[function.Parameters[i].Name] = i;
            var parameters = new Parameters(indices, function.Parameters.Select(p => p.DataType).ToArray());
            context.Functions[function.Name].Body = Plan(function.Body, global, parameters);
        }
        CheckRecursion(dictionary);
    }

    private PlanExpression Plan(Expression expression, Scope scope, Parameters? parameters)
    {
        switch (expression)
        {
            case ConstantExpression c:
                if (c.IsMissing || c.Text is null)
                    return new ConstantPlan(Value.Missing);
                var type = c.DataType ?? (ValueParser.TryParseDouble(c.Text, out _) ? DataType.Double : DataType.String);
                return new ConstantPlan(context.Parse(c.Text, type, c.Location));
            case FieldRefExpression f:
                return Field(f.Field, scope, parameters, f.Location, PlanningContext.Loose(f.MapMissingTo));
            case NormContinuousExpression n:
                return new NormContinuousPlan(Field(n.Field, scope, parameters, n.Location, Value.Missing),
                    n.Norms.Select(x => x.Orig).ToArray(), n.Norms.Select(x => x.Norm).ToArray(), n.Outliers,
                    n.MapMissingTo is { } nm ? Value.Of(nm) : Value.Missing);
            case NormDiscreteExpression n:
                var field = Field(n.Field, scope, parameters, n.Location, Value.Missing);
                return new NormDiscretePlan(field, context.Parse(n.Value, TypeOf(field, parameters), n.Location),
                    n.MapMissingTo is { } mm ? Value.Of(mm) : Value.Missing);
            case DiscretizeExpression d:
                var binType = d.DataType ?? DataType.String;
                return new DiscretizePlan(Field(d.Field, scope, parameters, d.Location, Value.Missing),
                    d.Bins.Select(b => b.Interval).ToArray(), d.Bins.Select(b => context.Parse(b.BinValue, binType, d.Location)).ToArray(),
                    Optional(d.MapMissingTo, binType, d.Location), Optional(d.DefaultValue, binType, d.Location));
            case MapValuesExpression m:
                return PlanMapValues(m, scope, parameters);
            case TextIndexExpression t:
                return new TextIndexPlan(Field(t.TextField, scope, parameters, t.Location, Value.Missing),
                    Plan(t.Term, scope, parameters), new TextIndexer(t.Options, t.Normalizations));
            case ApplyExpression a:
                return PlanApply(a, scope, parameters);
            default:
                context.Error(MarkupProblemKind.UnsupportedElement, $"unsupported expression {expression.GetType().Name}", expression.Location);
                return PlanExpression.MissingConstant;
        }
    }

    private PlanExpression PlanApply(ApplyExpression apply, Scope scope, Parameters? parameters)
    {
        var arguments = apply.Arguments.Select(a => Plan(a, scope, parameters)).ToArray();
        var mapMissingTo = PlanningContext.Loose(apply.MapMissingTo);
        var defaultValue = PlanningContext.Loose(apply.DefaultValue);
        if (context.Functions.TryGetValue(apply.Function, out var user))
        {
            if (user.ParameterTypes.Length != arguments.Length)
                context.Error(MarkupProblemKind.InvalidElement,
                    $"function '{apply.Function}' takes {user.ParameterTypes.Length} arguments, not {arguments.Length}", apply.Location);
            return new CallPlan(user, arguments, mapMissingTo, defaultValue, apply.Location);
        }
        if (!BuiltinFunctions.TryGet(apply.Function, out var builtin))
        {
            context.Error(MarkupProblemKind.UnsupportedAttribute, $"function '{apply.Function}' is neither built in nor defined by a DefineFunction", apply.Location);
            return PlanExpression.MissingConstant;
        }
        if (!builtin.AcceptsArgumentCount(arguments.Length))
            context.Error(MarkupProblemKind.InvalidElement,
                $"function '{apply.Function}' takes {builtin.Arity} arguments, not {arguments.Length}", apply.Location);
        return new ApplyPlan(builtin, arguments, mapMissingTo, defaultValue, apply.InvalidValueTreatment, apply.Location);
    }

    private MapValuesPlan PlanMapValues(MapValuesExpression m, Scope scope, Parameters? parameters)
    {
        var fields = m.Pairs.Select(p => Field(p.Field, scope, parameters, m.Location, Value.Missing)).ToArray();
        var types = fields.Select(f => TypeOf(f, parameters)).ToArray();
        var outputType = m.DataType ?? DataType.String;
        var table = new Dictionary<RowKey, Value>();
        foreach (var row in m.Table.Rows)
        {
            var key = new Value[m.Pairs.Length];
            var complete = row.TryGetValue(m.OutputColumn, out var output);
            for (var i = 0; i < key.Length && complete; i++)
            {
                complete = row.TryGetValue(m.Pairs[i].Column, out var cell);
                if (complete)
                    key[i] = ValueParser.Parse(cell!, types[i]);
            }
            // The first matching row wins, as in a table lookup.
            if (complete)
                table.TryAdd(new RowKey(key), ValueParser.Parse(output!, outputType));
        }
        return new MapValuesPlan(fields, table, Optional(m.MapMissingTo, outputType, m.Location), Optional(m.DefaultValue, outputType, m.Location));
    }

    private Value Optional(string? text, DataType type, SourceLocation location) =>
        text is null ? Value.Missing : context.Parse(text, type, location);

    private PlanExpression Field(string name, Scope scope, Parameters? parameters, SourceLocation location, Value mapMissingTo)
    {
        // Inside a function body only the parameters are visible (PMML 4.4 Functions).
        if (parameters is not null)
        {
            if (parameters.Indices.TryGetValue(name, out var index))
                return new ParameterRefPlan(index, mapMissingTo);
            context.Error(MarkupProblemKind.InvalidAttribute, $"field '{name}' is not a parameter of the function", location);
            return PlanExpression.MissingConstant;
        }
        var slot = context.Resolve(scope, name, location);
        return slot < 0 ? PlanExpression.MissingConstant : new SlotRefPlan(slot, mapMissingTo);
    }

    private DataType TypeOf(PlanExpression field, Parameters? parameters) => field switch
    {
        SlotRefPlan s => context.TypeOf(s.Slot),
        ParameterRefPlan p => parameters?.Types[p.Index] ?? DataType.String,
        _ => DataType.String,
    };

    /// <summary>A function that calls itself, directly or not, would never return.</summary>
    private void CheckRecursion(TransformationDictionary dictionary)
    {
        var state = new Dictionary<UserFunction, bool>();
        foreach (var function in dictionary.Functions)
            if (Visit(context.Functions[function.Name]))
                context.Error(MarkupProblemKind.InvalidElement, $"function '{function.Name}' calls itself", function.Location);

        bool Visit(UserFunction function)
        {
            if (state.TryGetValue(function, out var done))
                return !done;
            state[function] = false;
            var cyclic = Calls(function.Body).Any(Visit);
            state[function] = true;
            return cyclic;
        }
    }

    private static IEnumerable<UserFunction> Calls(PlanExpression expression) => PlanWalker.Children(expression)
        .SelectMany(Calls).Concat(expression is CallPlan call ? [call.Function] : []);
}
