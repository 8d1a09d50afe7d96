using System.Runtime.CompilerServices;
using PmmlEngine.Backends;
using PmmlEngine.Backends.Compiled;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Evaluation;

/// <summary>
/// Scores records one at a time through reused buffers: set the inputs by position (<see cref="PmmlEvaluator.InputFields"/>
/// order), call <see cref="Evaluate"/>, read the results by position (<see cref="PmmlEvaluator.ResultNames"/> order).
/// Numbers and category strings in, numbers out allocate nothing. One scorer per thread; create as many as needed.
/// <code>
/// var scorer = evaluator.CreateScorer();
/// scorer.SetInput(0, 5.1); scorer.SetInput(1, "Private");
/// scorer.Evaluate();
/// double probability = scorer.GetNumber(1);
/// </code>
/// </summary>
public sealed class RowScorer
{
    private readonly PmmlEvaluator _evaluator;
    private readonly Workspace _workspace;
    private readonly InputRecord _inputs;
    // The evaluator's lists as arrays: indexing them is a load, not an interface call, on every input and result.
    private readonly InputSlot[] _slots;
    private readonly PublicField[] _results;
    private readonly DirectTree? _direct;
    private readonly double[] _features;
    private readonly DirectRegression? _regression;
    private readonly DirectForest? _forest;
    private readonly DirectTreeSum? _sum;
    private readonly DirectChain? _chain;
    // The direct forest's, tree sum's or chain's scratch: its trees' outcomes and penalties; empty without one.
    private readonly int[] _outcomes;
    private readonly int[] _penalties;
    // The direct regression's scratch for its terms; empty without one.
    private readonly double[] _terms;
    // The results the direct regression or tree sum writes; empty without one.
    private readonly Value[] _written;
    // The last record's results when a direct path scored it (a leaf's results, the regression's or the tree sum's), else
    // null: read the row (where the direct chain leaves them too).
    private Value[]? _directResults;
    // When a direct path scored the last record to its distribution (TryMostProbable): the most probable category, and
    // the distribution, from which each result is read when asked (_fromDistribution); -1 otherwise.
    private int _best = -1;
    private double[]? _distribution;
    private readonly DistributionResults? _fromDistribution;
    // Whether the document has any direct path.
    private readonly bool _anyDirect;

    internal RowScorer(PmmlEvaluator evaluator, Workspace workspace)
    {
        _evaluator = evaluator;
        _workspace = workspace;
        _slots = evaluator.Inputs.ToArray();
        _results = evaluator.Results.ToArray();
        _inputs = new InputRecord(_slots);
        _direct = evaluator.DirectTree;
        _forest = evaluator.DirectForest;
        _sum = evaluator.DirectTreeSum;
        _chain = evaluator.DirectChain;
        _features = new double[_direct?.FeatureCount ?? _forest?.FeatureCount ?? _sum?.FeatureCount ?? _chain?.FeatureCount ?? 0];
        _outcomes = new int[_forest?.Trees ?? _sum?.Trees ?? _chain?.Trees ?? 0];
        _penalties = new int[_outcomes.Length];
        _distribution = _forest is null ? null : new double[_forest.Categories];
        _regression = evaluator.DirectRegression;
        _fromDistribution = _forest?.Results ?? _regression?.FromDistribution;
        _terms = new double[_regression?.TermCount ?? 0];
        _written = new Value[_regression is null && _sum is null ? 0 : _results.Length];
        _anyDirect = _direct is not null || _regression is not null || _forest is not null || _sum is not null || _chain is not null;
    }

    /// <summary>Sets a number; NaN is missing.</summary>
    public void SetInput(int index, double value)
    {
        var converted = double.IsNaN(value) ? Value.Missing : ValueParser.Convert(Value.Of(value), _slots[index].DataType);
        // A number converted to a number field's type is the value Value.Of makes of the result.
        if (converted.Kind == ValueKind.Number)
            _inputs.SetNumber(index, converted.Number);
        else
            _inputs.Set(index, converted);
    }

    /// <summary>Sets text read as the field's type: null, "" and the field's missing values are missing.</summary>
    public void SetInput(int index, string? text) => _inputs.SetText(index, _slots[index], text);

    /// <summary>Sets any CLR value (boxed values allocate; prefer the typed overloads on hot paths).</summary>
    public void SetInput(int index, object? value) => _inputs.Set(index, _slots[index].Convert(value));

    public void SetMissing(int index) => _inputs.Set(index, Value.Missing);

    /// <summary>
    /// Sets a categorical input by the position of its value in the field's <see cref="FieldDescription.Values"/>, as
    /// batch scoring takes categories: no text to read, no lookup. The value is one the field declares valid.
    /// </summary>
    public void SetCategory(int index, int category)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(category);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(category, _slots[index].Domain.ValidValues.Count);
        _inputs.SetCategory(index, category);
    }

    /// <summary>Scores the current inputs; throws <see cref="Errors.PmmlEvaluationException"/> for a record the model rejects.</summary>
    public void Evaluate()
    {
        if (_anyDirect && TryDirect())
            return;
        var row = _workspace.Row;
        row.Reset();
        for (var i = 0; i < _inputs.Count; i++)
            _evaluator.SetInput(row, i, _inputs[i]);
        _evaluator.Score(_workspace);
    }

    // Out of line so that the general path inlines into Evaluate as it did before the direct path existed.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryDirect()
    {
        _best = -1;
        if (_direct is not null)
            _directResults = _direct.Walk(_inputs, _features, _workspace.Row) is var leaf and >= 0 ? _direct.Results(leaf) : null;
        else if (_forest is not null)
            return (_best = _forest.TryMostProbable(_inputs, _features, _outcomes, _penalties, _distribution!)) >= 0;
        else if (_sum is not null)
            _directResults = _sum.TryScore(_inputs, _workspace, _features, _outcomes, _penalties, _written) ? _written : null;
        else if (_chain is not null)
        {
            _directResults = null;
            if (!_chain.TryScore(_inputs, _workspace, _features, _outcomes, _penalties, out var predicted))
                return false;
            _evaluator.WriteTargets(_workspace.Row, predicted);
            return true;
        }
        else if (_regression!.FromDistribution is not null
            && (_best = _regression.TryMostProbable(_inputs, _workspace, _terms, out _distribution)) >= 0)
            return true;
        else
            _directResults = _regression.TryScore(_inputs, _workspace, _terms, _written) ? _written : null;
        return _directResults is not null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Value Result(int index) => _best >= 0 ? _fromDistribution!.ResultAt(index, _distribution!, _best)
        : _directResults is { } direct ? direct[index] : PmmlEvaluator.Read(_workspace.Row, _results[index]);

    /// <summary>A result as a number: NaN when it is missing or not numeric.</summary>
    public double GetNumber(int index)
    {
        var value = Result(index);
        return value.IsNumeric ? value.Number : double.NaN;
    }

    /// <summary>A result as text (categories, display values): null when missing.</summary>
    public string? GetString(int index)
    {
        var value = Result(index);
        return value.HasValue ? value.Payload as string ?? value.ToString() : null;
    }

    /// <summary>A result as a CLR value, as <see cref="PmmlEvaluator.Evaluate"/> returns it.</summary>
    public object? GetValue(int index)
    {
        return ValueFormatter.ToClr(Result(index), _results[index].DataType);
    }
}
