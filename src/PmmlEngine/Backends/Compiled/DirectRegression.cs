using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A document that is one RegressionModel over its inputs (sklearn2pmml's and r2pmml's linear and logistic regressions),
/// whose linear predictors a row scorer sums straight from the record's input values when the MiningSchema keeps every
/// one of them as it is: no slot buffer, and a category's coefficient found by the position its text was read at. The
/// normalisation, targets and outputs are then the general path's own steps on those sums, and the results go to the
/// scorer without passing through the record's slots. A record with a value the treatments would change, or a category
/// that was not read from its field's text, is left to the general path.
/// </summary>
internal sealed class DirectRegression
{
    private readonly CompiledRegression _model;
    private readonly KeptInputs _inputs;
    private readonly Table[] _tables;
    private readonly OutputPlan[] _outputs;
    // Per result (ResultNames order): the output it reads, or -1 for the target.
    private readonly int[] _sources;
    private readonly DataType[] _types;
    // Per result: the target category whose probability it is, when it is a plain probability output (-1 otherwise),
    // read straight from the distribution as OutputInterpreter's lookup reads it, without its dispatch.
    private readonly int[] _probabilityAt;
    // For a classification whose results are all its target or plain probabilities: those results, straight from the
    // distribution. Null for any other model.
    private readonly DistributionResults? _fromDistribution;

    private DirectRegression(CompiledRegression model, KeptInputs inputs, Table[] tables, int[] sources, DataType[] types)
    {
        _model = model;
        _inputs = inputs;
        _tables = tables;
        foreach (var table in tables)
            TermCount = Math.Max(TermCount, table.TermCount);
        _outputs = model.Plan.Outputs;
        _sources = sources;
        _types = types;
        _probabilityAt = new int[sources.Length];
        for (var r = 0; r < sources.Length; r++)
            _probabilityAt[r] = sources[r] >= 0 ? DistributionResults.ProbabilityIndex(_outputs[sources[r]]) : -1;
        _fromDistribution = DistributionResults.TryCreate(model.Plan, sources, types);
    }

    /// <summary>
    /// The direct path for a compiled document, or null when its top model is no such regression: float arithmetic, a
    /// predictor over a derived field or of a kind the path does not read, or an output that needs more than the result.
    /// </summary>
    public static DirectRegression? TryCreate(CompiledDocument document, IReadOnlyList<PublicField> results)
    {
        var plan = document.Plan;
        if (document.Top is not CompiledRegression { Plan: RegressionPlan { IsFloat: false } model } top
            || model.Outputs.Any(o => !o.ReadsResultOnly)
            || KeptInputs.For(plan, model) is not { } inputs)
            return null;
        var tables = new Table[model.Tables.Length];
        for (var t = 0; t < tables.Length; t++)
        {
            if (Table.TryCreate(model.Tables[t], plan, inputs) is not { } table)
                return null;
            tables[t] = table;
        }
        if (!DistributionResults.TryFindSources(plan, model, results, out var sources, out var types))
            return null;
        return new DirectRegression(top, inputs, tables, sources, types);
    }

    /// <summary>The most terms a table adds: the length of the scratch a caller passes to <see cref="TryScore"/>.</summary>
    public int TermCount { get; }

    /// <summary>The results straight from the distribution, for a model whose results all come from it; else null.</summary>
    public DistributionResults? FromDistribution => _fromDistribution;

    /// <summary>
    /// Scores a record into <paramref name="results"/> (ResultNames order), with <paramref name="terms"/> (of
    /// <see cref="TermCount"/>) as scratch; false, with nothing written, when a value needs the general path. Arrays, not
    /// spans: spans of values are framework generics outside the precompiled image, which a first pass would run
    /// unoptimised, and a stack allocation would keep the method from tiered, profile-guided compilation.
    /// </summary>
    public bool TryScore(InputRecord record, Workspace workspace, double[] terms, Value[] results)
    {
        if (!TrySums(record, workspace, terms))
            return false;
        if (_fromDistribution is not null && Distribution(workspace, out var distribution) is var best and >= 0)
        {
            for (var r = 0; r < results.Length; r++)
                results[r] = _fromDistribution.ResultAt(r, distribution, best);
            return true;
        }
        var result = _model.Predict(workspace);
        for (var r = 0; r < results.Length; r++)
        {
            var output = _sources[r];
            // A target is the prediction converted to the target field's type, as the general path writes it.
            results[r] = output < 0 ? ValueParser.Convert(result.Predicted, _types[r])
                : _probabilityAt[r] >= 0 && result.Probabilities is { } p ? Value.Of(p[_probabilityAt[r]])
                : OutputInterpreter.Result(_outputs[output], output, result, workspace.Row);
        }
        return true;
    }

    /// <summary>
    /// For a model whose results come <see cref="FromDistribution"/>: scores a record to its distribution and most
    /// probable category, from which <see cref="DistributionResults.ResultAt"/> reads each result when asked, so that no
    /// result is written that the caller does not read. -1 when the record needs <see cref="TryScore"/>: a value for the
    /// general path, or no probable category (every probability NaN), to which Predict's targets apply the priors.
    /// </summary>
    public int TryMostProbable(InputRecord record, Workspace workspace, double[] terms, out double[]? distribution)
    {
        distribution = null;
        return TrySums(record, workspace, terms) ? Distribution(workspace, out distribution) : -1;
    }

    // The linear predictors of a record whose values the treatments keep, in the model's scores; false otherwise.
    private bool TrySums(InputRecord record, Workspace workspace, double[] terms)
    {
        if (!_inputs.KeepAll(record))
            return false;
        var scores = _model.Scores(workspace);
        for (var t = 0; t < _tables.Length; t++)
        {
            if (!_tables[t].TrySum(record, terms, out scores[t]))
                return false;
        }
        return true;
    }

    // The distribution Predict would set, and its first most probable category (-1 for none).
    private int Distribution(Workspace workspace, out double[] distribution)
    {
        distribution = _model.Distribution(workspace);
        return ModelResult.MostProbable(distribution);
    }

    /// <summary>One RegressionTable's terms by input position, added in the interpreter's order.</summary>
    private sealed class Table(double intercept, (int Input, double Exponent, double Coefficient)[] numeric, Categories[] categorical,
        (int[] Inputs, double Coefficient)[] interactions)
    {
        // Whether a numeric predictor has an exponent other than 1.
        private readonly bool powered = AnyPower(numeric);

        public static Table? TryCreate(RegressionTablePlan table, DocumentPlan plan, KeptInputs inputs)
        {
            int NumberInput(int slot) => inputs.InputAt(slot) is var input and >= 0 && KeptInputs.IsNumeric(inputs[input].DataType) ? input : -1;
            // Loops, not LINQ over the tuples: that generic code is not precompiled (see AnyPower).
            var numeric = new (int Input, double Exponent, double Coefficient)[table.Numeric.Length];
            for (var i = 0; i < numeric.Length; i++)
            {
                var (slot, exponent, coefficient) = table.Numeric[i];
                if (NumberInput(slot) is not (>= 0 and var input))
                    return null;
                numeric[i] = (input, exponent, coefficient);
            }
            var interactions = new (int[] Inputs, double Coefficient)[table.Interactions.Length];
            for (var i = 0; i < interactions.Length; i++)
            {
                var (slots, coefficient) = table.Interactions[i];
                var terms = new int[slots.Length];
                for (var k = 0; k < terms.Length; k++)
                {
                    if ((terms[k] = NumberInput(slots[k])) < 0)
                        return null;
                }
                interactions[i] = (terms, coefficient);
            }
            var categorical = new List<Categories>();
            foreach (var (slot, run, exclusive) in table.CategoricalRuns())
            {
                if (!exclusive || Categories.TryCreate(slot, run, plan, inputs) is not { } group)
                    return null;
                categorical.Add(group);
            }
            return new Table(table.Intercept, numeric, categorical.ToArray(), interactions);
        }

        // A plain loop: LINQ over the tuples would be generic code that is not precompiled.
        private static bool AnyPower((int Input, double Exponent, double Coefficient)[] numeric)
        {
            foreach (var p in numeric)
            {
                if (p.Exponent != 1)
                    return true;
            }
            return false;
        }

        /// <summary>How many terms <see cref="TrySum"/> adds to the intercept: the size of its scratch.</summary>
        public int TermCount => numeric.Length + categorical.Length + interactions.Length;

        /// <summary>
        /// The linear predictor; false when an input is not of the kind the path reads. The terms are computed into
        /// <paramref name="terms"/> first and added after, and the one call a term can make (a power) comes last: a sum,
        /// or a loop's state, live across a call went to memory and back in every term, a chain that was most of the sum.
        /// </summary>
        public bool TrySum(InputRecord record, double[] terms, out double y)
        {
            y = 0;
            for (var i = 0; i < numeric.Length; i++)
            {
                var (input, exponent, coefficient) = numeric[i];
                if (!record.TryGetNumber(input, out var x))
                    return false;
                // A power is taken below; the number waits in its term until then.
                terms[i] = exponent == 1 ? coefficient * x : x;
            }
            var n = numeric.Length;
            foreach (var group in categorical)
            {
                // A category with no position to find its predictor by leaves the record to the general path.
                var position = record.PositionOf(group.Input);
                if (position < 0)
                    return false;
                terms[n++] = group.Terms[position];
            }
            foreach (var (factors, coefficient) in interactions)
            {
                var product = coefficient;
                foreach (var input in factors)
                {
                    if (!record.TryGetNumber(input, out var x))
                        return false;
                    product *= x;
                }
                terms[n++] = product;
            }
            if (powered)
            {
                for (var i = 0; i < numeric.Length; i++)
                {
                    if (numeric[i] is { Exponent: not 1 and var exponent, Coefficient: var coefficient })
                        terms[i] = coefficient * Math.Pow(terms[i], exponent);
                }
            }
            var sum = intercept;
            for (var i = 0; i < n; i++)
                sum += terms[i];
            y = sum;
            return true;
        }
    }

    /// <summary>
    /// An exclusive run of one string input's CategoricalPredictors (<see cref="RegressionTablePlan.CategoricalRuns"/>):
    /// the one that matches, if any, is found by the position of the record's category in the field's valid values.
    /// Per position, the term the category adds: the coefficient of the predictor naming it, or -0.0 where none does,
    /// which leaves every sum exactly as it is (x + -0.0 is x for every x, zeros of either sign included), so a
    /// record's category costs one load and no branch.
    /// </summary>
    private sealed class Categories(int input, double[] terms)
    {
        public int Input { get; } = input;
        public double[] Terms { get; } = terms;

        public static Categories? TryCreate(int slot, (int Slot, Value Value, double Coefficient)[] group, DocumentPlan plan, KeptInputs inputs)
        {
            var input = inputs.InputAt(slot);
            // Categories are found by their position in the field's valid values: a field that lists none has no positions.
            if (input < 0 || inputs[input].DataType != DataType.String)
                return null;
            var domain = plan.Inputs[input].Domain;
            if (domain.ValidValues.Count == 0)
                return null;
            // A predictor naming no valid value never matches a kept category: kept categories are valid values. A plain
            // loop: LINQ over the tuples would be generic code that is not precompiled.
            var terms = new double[domain.ValidValues.Count];
            for (var position = 0; position < terms.Length; position++)
            {
                var v = domain.ValidValues[position];
                var k = Array.FindIndex(group, p => v.Kind == ValueKind.String && p.Value.String == v.String);
                terms[position] = k >= 0 ? group[k].Coefficient : -0.0;
            }
            return new Categories(input, terms);
        }
    }
}
