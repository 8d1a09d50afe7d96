using PmmlEngine.Backends;
using System.Linq.Expressions;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;
using E = System.Linq.Expressions.Expression;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A RegressionModel whose tables are one compiled function writing each table's linear predictor; the link function
/// and normalisation are then the interpreter's, on the workspace's buffers.
/// </summary>
internal sealed class CompiledRegression : CompiledModel
{
    private readonly Func<RowContext, double[], bool> _tables;
    private readonly int _scores, _probabilities, _aligned;

    public CompiledRegression(RegressionPlan plan, int id, Func<RowContext, int, Value>?[] outputs, Func<int, int> reserve, DocumentPlan document)
        : base(plan, id, outputs)
    {
        _tables = Compile(plan, document);
        _scores = reserve(plan.Tables.Length);
        _probabilities = reserve(plan.Tables.Length);
        _aligned = reserve(plan.Target.Categories.Length);
    }

    protected override void Score(Workspace workspace, ModelResult result)
    {
        if (_tables(workspace.Row, Scores(workspace)))
            Normalize(workspace, result);
    }

    /// <summary>The tables' linear predictors, in table order.</summary>
    internal double[] Scores(Workspace workspace) => workspace.Buffers[_scores];

    /// <summary>
    /// The prediction from linear predictors a caller has written to <see cref="Scores"/> (<see cref="DirectRegression"/>):
    /// normalised and with the targets applied as <see cref="CompiledModel.Evaluate"/> gives it, without the outputs.
    /// </summary>
    internal ModelResult Predict(Workspace workspace)
    {
        var result = workspace.Results[Id];
        result.Reset();
        Normalize(workspace, result);
        ModelInterpreter.ApplyTargets(Plan, result);
        return result;
    }

    /// <summary>
    /// A classification's probabilities aligned with the target's categories, from linear predictors a caller has written
    /// to <see cref="Scores"/>: what <see cref="Predict"/> sets as the distribution, without a result.
    /// </summary>
    internal double[] Distribution(Workspace workspace)
    {
        var aligned = workspace.Buffers[_aligned];
        RegressionInterpreter.Distribution((RegressionPlan)Plan, Scores(workspace), workspace.Buffers[_probabilities], aligned);
        return aligned;
    }

    private void Normalize(Workspace workspace, ModelResult result) =>
        RegressionInterpreter.Finish((RegressionPlan)Plan, Scores(workspace), result, workspace.Buffers[_probabilities], workspace.Buffers[_aligned]);

    /// <summary>
    /// Adds the terms in the interpreter's order (numeric, categorical, interactions) in double, or in float for a float
    /// math context, and returns false when a numeric input is missing (no prediction).
    /// </summary>
    private static Func<RowContext, double[], bool> Compile(RegressionPlan plan, DocumentPlan document)
    {
        var row = E.Parameter(typeof(RowContext), "row");
        var scores = E.Parameter(typeof(double[]), "scores");
        var noPrediction = E.Label(typeof(bool), "done");
        var type = plan.IsFloat ? typeof(float) : typeof(double);
        var y = E.Variable(type, "y");
        var x = E.Variable(typeof(double), "x");
        var v = E.Variable(typeof(Value), "v");
        var body = new List<E>();
        E Const(double c) => plan.IsFloat ? E.Constant((float)c) : E.Constant(c);
        E AsType(E number) => plan.IsFloat ? E.Convert(number, typeof(float)) : number;
        E ReadNumber(int slot) => E.Block(
            E.Assign(v, E.Call(row, nameof(RowContext.Get), null, E.Constant(slot))),
            E.IfThen(E.Not(E.Call(v, nameof(Value.TryGetNumber), null, x)), E.Return(noPrediction, E.Constant(false))));

        for (var t = 0; t < plan.Tables.Length; t++)
        {
            var table = plan.Tables[t];
            if (!plan.IsFloat && TermTable.TryCreate(table, document) is { } termTable)
            {
                body.Add(E.IfThen(E.Not(E.Call(E.Constant(termTable), nameof(TermTable.TryScore), null, row, y)), E.Return(noPrediction, E.Constant(false))));
                body.Add(E.Assign(E.ArrayAccess(scores, E.Constant(t)), y));
                continue;
            }
            body.Add(E.Assign(y, Const(table.Intercept)));
            foreach (var (slot, exponent, coefficient) in table.Numeric)
            {
                body.Add(ReadNumber(slot));
                E power = exponent == 1 ? AsType(x)
                    : plan.IsFloat ? E.Call(typeof(MathF), nameof(MathF.Pow), null, E.Convert(x, typeof(float)), E.Constant((float)exponent))
                    : E.Call(typeof(Math), nameof(Math.Pow), null, x, E.Constant(exponent));
                body.Add(E.AddAssign(y, E.Multiply(Const(coefficient), power)));
            }
            body.AddRange(Categorical(table, document, row, y, v, Const));
            foreach (var (slots, coefficient) in table.Interactions)
            {
                var product = E.Variable(type, "product");
                var terms = new List<E> { E.Assign(product, Const(coefficient)) };
                foreach (var slot in slots)
                {
                    terms.Add(ReadNumber(slot));
                    terms.Add(E.MultiplyAssign(product, AsType(x)));
                }
                terms.Add(E.AddAssign(y, product));
                body.Add(E.Block([product], terms));
            }
            body.Add(E.Assign(E.ArrayAccess(scores, E.Constant(t)), plan.IsFloat ? E.Convert(y, typeof(double)) : y));
        }
        body.Add(E.Label(noPrediction, E.Constant(true)));
        return E.Lambda<Func<RowContext, double[], bool>>(E.Block(typeof(bool), [y, x, v], body), row, scores).Compile();
    }

    /// <summary>
    /// CategoricalPredictors add their coefficient when the field equals their value; an exclusive run
    /// (<see cref="RegressionTablePlan.CategoricalRuns"/>) is one lookup (<see cref="CategoryCodes"/>: by position for the
    /// field's own valid strings).
    /// </summary>
    private static IEnumerable<E> Categorical(RegressionTablePlan table, DocumentPlan document, ParameterExpression row, ParameterExpression y, ParameterExpression v, Func<double, E> constant)
    {
        foreach (var (slot, run, exclusive) in table.CategoricalRuns())
        {
            yield return E.Assign(v, E.Call(row, nameof(RowContext.Get), null, E.Constant(slot)));
            if (exclusive)
            {
                // A loop, not LINQ over the run's tuples, which would be JIT-compiled at load. Its strings are distinct.
                var positions = new Dictionary<string, int>(run.Length, StringComparer.Ordinal);
                var coefficients = new double[run.Length];
                for (var i = 0; i < run.Length; i++)
                {
                    positions.Add(run[i].Value.String, i);
                    coefficients[i] = run[i].Coefficient;
                }
                var codes = CategoryCodes.For(document, slot, positions);
                var k = E.Variable(typeof(int), "k");
                var c = E.ArrayIndex(E.Constant(coefficients), k);
                yield return E.Block([k],
                    E.Assign(k, E.Call(E.Constant(codes), nameof(CategoryCodes.Find), null, v)),
                    E.IfThen(E.GreaterThanOrEqual(k, E.Constant(0)), E.AddAssign(y, y.Type == typeof(float) ? E.Convert(c, typeof(float)) : c)));
            }
            else
            {
                foreach (var (_, value, coefficient) in run)
                    yield return E.IfThen(E.Call(v, nameof(Value.Equals), null, ExpressionCompiler.Constant(value)), E.AddAssign(y, constant(coefficient)));
            }
        }
    }
}
