using System.Globalization;
using PmmlEngine.Backends;
using PmmlEngine.Backends.Compiled;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;
using PmmlEngine.Xml;

namespace PmmlEngine.Evaluation;

/// <summary>
/// A loaded, planned PMML model. Immutable after load and safe to share between threads.
/// <code>
/// var evaluator = PmmlEvaluator.Load("model.pmml");
/// var result = evaluator.Evaluate(new Dictionary&lt;string, object?&gt; { ["Age"] = 38, ["Income"] = 81838.0 });
/// </code>
/// </summary>
public sealed class PmmlEvaluator
{
    private readonly DocumentPlan _plan;
    private readonly Dictionary<string, InputSlot> _inputsByName;
    private readonly ScoringEngine _engine;
    private readonly PublicField[] _results;
    // Per input (InputFields order), the top model's prepared fields that read it: usually one.
    private readonly PreparedSlot[][] _preparedOf;
    // Whether the typical record allocated when primed: Load then collects its own garbage (see Load).
    private readonly bool _recordsAllocate;

    /// <summary>Whether scoring the typical record allocated when the evaluator was primed (see <see cref="Load(Func{PmmlDocument}, EvaluatorOptions)"/>).</summary>
    internal bool RecordsAllocate => _recordsAllocate;

    /// <summary>The workspace this thread used last, reused while the thread keeps scoring with the same evaluator.</summary>
    [ThreadStatic] private static (PmmlEvaluator? Owner, Workspace? Workspace) t_workspace;

    private PmmlEvaluator(DocumentPlan plan, EvaluatorOptions options)
    {
        _plan = plan;
        _inputsByName = plan.Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        InputFields = plan.Inputs.Select(i => new FieldDescription(i.Name, i.DataType, i.OpType,
            i.Domain.ValidValues.Select(v => ValueFormatter.ToClr(v, i.DataType)).ToArray(), i.Domain.Intervals)).ToArray();
        TargetFields = plan.Targets.Select(t => new FieldDescription(t.Name, t.DataType, t.OpType,
            plan.Model.Target.Categories.Select(c => ValueFormatter.ToClr(c, t.DataType)).ToArray(), [])).ToArray();
        OutputFields = plan.Outputs.Select(o => new FieldDescription(o.Name, o.DataType, o.OpType,
            ResultCategories.Of(plan, o)?.Select(v => ValueFormatter.ToClr(v, o.DataType)).ToArray() ?? [], [],
            FindOutput(plan.Model, o.Name)?.Field.Feature)).ToArray();
        _results = plan.Targets.Concat(plan.Outputs).DistinctBy(f => f.Name).ToArray();
        ResultCategoryValues = Array.ConvertAll(_results, f => ResultCategories.Of(plan, f));
        var active = plan.Model.ActiveSlots.Select(slot => plan.Slots[slot]).OfType<PreparedSlot>().ToArray();
        _preparedOf = plan.Inputs.Select(input => active.Where(p => p.Source == input.Index).ToArray()).ToArray();
        ResultNames = _results.Select(f => f.Name).ToArray();
        if (options.Backend == Backend.Interpreter)
        {
            _engine = new InterpreterEngine(plan);
            Backend = Backend.Interpreter;
            CompilationFallbacks = [];
        }
        else
        {
            var compiled = CompiledDocument.Compile(plan);
            _engine = new CompiledEngine(compiled);
            Backend = Backend.Compiled;
            CompilationFallbacks = compiled.Fallbacks;
            var leaves = _engine.CreateWorkspace();
            DirectTree = DirectTree.TryCreate(compiled, _results.Length, (tree, leaf) => ResultsAtLeaf(leaves, tree, leaf));
            DirectRegression = DirectRegression.TryCreate(compiled, _results);
            DirectForest = DirectForest.TryCreate(compiled, _results);
            DirectTreeSum = DirectTreeSum.TryCreate(compiled, _results);
            DirectChain = DirectChain.TryCreate(compiled, _results);
            _recordsAllocate = Prime();
        }
    }

    /// <summary>
    /// Scores two synthetic records (every input missing, then typical values given as text) through a
    /// <see cref="RowScorer"/>, reading every result as a number and as text, so that compiled delegates, the code they
    /// call and the scorer's own calls are JIT-compiled and bound at load rather than on a caller's first records. Their
    /// results are discarded. Returns whether scoring the typical record allocated.
    /// </summary>
    private bool Prime()
    {
        var allocates = false;
        var scorer = CreateScorer();
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < _plan.Inputs.Length; i++)
            {
                if (pass == 0)
                    scorer.SetMissing(i);
                else
                    scorer.SetInput(i, Typical(_plan.Inputs[i]).ToString());
            }
            try
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                scorer.Evaluate();
                allocates |= pass == 1 && GC.GetAllocatedBytesForCurrentThread() > before;
                for (var j = 0; j < _results.Length; j++)
                {
                    scorer.GetNumber(j);
                    scorer.GetString(j);
                    scorer.GetValue(j);
                }
            }
            catch (Errors.PmmlEvaluationException)
            {
                // A model may reject the synthetic record; the code on its path is compiled all the same.
            }
        }
        return allocates;
    }

    /// <summary>A record's results when the top tree's walk ends at <paramref name="leaf"/>: the general path's steps after the walk.</summary>
    private Value[] ResultsAtLeaf(Workspace workspace, CompiledTree tree, int leaf)
    {
        var row = workspace.Row;
        row.Reset();
        WriteTargets(row, tree.Evaluate(workspace, leaf, 0).Predicted);
        return Array.ConvertAll(_results, field => Read(row, field));
    }

    private static Value Typical(InputSlot input)
    {
        var domain = input.Domain;
        if (domain.ValidValues.Count > 0)
            return domain.ValidValues[0];
        if (domain.Intervals.Count > 0 && domain.Intervals[0] is { } interval && double.IsFinite(interval.Left) && double.IsFinite(interval.Right))
            return ValueParser.Convert(Value.Of((interval.Left + interval.Right) / 2), input.DataType);
        // Text with a word in it, so that tokenizing and term counting run (an empty document skips them).
        return input.DataType == DataType.String ? Value.Of("a b") : ValueParser.Convert(Value.Of(0), input.DataType);
    }

    /// <summary>The backend that scores records: <see cref="Backend.Compiled"/> or <see cref="Backend.Interpreter"/>.</summary>
    public Backend Backend { get; }

    /// <summary>The parts of the document the compiled backend left to the interpreter, each with its reason.</summary>
    public IReadOnlyList<string> CompilationFallbacks { get; }

    /// <summary>Reads, validates and plans a PMML document; throws <see cref="Errors.PmmlMarkupException"/> listing every problem.</summary>
    public static PmmlEvaluator Load(Stream stream, EvaluatorOptions? options = null)
    {
        options ??= EvaluatorOptions.Default;
        return Load(() => DocumentParser.Parse(stream, options.Limits), options);
    }

    /// <summary>
    /// Plans and compiles what <paramref name="parse"/> reads, all of it on a deep stack. Where scoring a record allocates
    /// (text: tokens, n-grams), the young generation is then collected: reading, planning and compiling leave megabytes
    /// of garbage (the XML tree above all) in memory the process has touched, and without a collection the first records
    /// allocate into fresh pages instead. Their faults and zeroing made LogisticRegressionSentiment's first pass over its
    /// 1,000 documents 3–7× its warm pass instead of about 2.1×. The collection costs 2–11 ms, which models whose records
    /// allocate nothing do not pay (docs/performance.md, session 29).
    /// </summary>
    internal static PmmlEvaluator Load(Func<PmmlDocument> parse, EvaluatorOptions options)
    {
        var evaluator = DeepStack.Run(() => new PmmlEvaluator(Planner.Plan(parse()), options));
        if (evaluator._recordsAllocate)
            GC.Collect(0);
        return evaluator;
    }

    public static PmmlEvaluator Load(string path, EvaluatorOptions? options = null)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, options);
    }

    public PmmlDocument Document => _plan.Document;

    /// <summary>The model element's name (TreeModel, MiningModel...).</summary>
    public string ModelType => _plan.Model.Element.ElementName;

    public MiningFunction Function => _plan.Model.Function;

    /// <summary>
    /// The top model's MiningField with usageType="group", or null: records sharing its value form one transaction, so a
    /// caller (the CLI over consecutive CSV rows) passes their items together as a collection.
    /// </summary>
    public string? GroupField => _plan.Model.Element.MiningSchema.FirstOrDefault(f => f.UsageType == Model.UsageType.Group)?.Name;

    /// <summary>
    /// The top model's MiningField with usageType="order", or null: within a group, consecutive records with the same
    /// order value are one transaction of a sequence, passed as a collection of collections.
    /// </summary>
    public string? OrderField => _plan.Model.Element.MiningSchema.FirstOrDefault(f => f.UsageType == Model.UsageType.Order)?.Name;

    /// <summary>Every model element in the document, the top model first and segments' models in document order.</summary>
    public IEnumerable<Model.ModelElement> Models
    {
        get
        {
            var pending = new Stack<Model.ModelElement>([_plan.Model.Element]);
            while (pending.Count > 0)
            {
                var model = pending.Pop();
                yield return model;
                if (model is Model.MiningModel mining)
                    for (var i = mining.Segments.Length - 1; i >= 0; i--)
                        pending.Push(mining.Segments[i].Model);
            }
        }
    }

    /// <summary>The fields a record must supply (the top model's active fields).</summary>
    public IReadOnlyList<FieldDescription> InputFields { get; }

    public IReadOnlyList<FieldDescription> TargetFields { get; }

    public IReadOnlyList<FieldDescription> OutputFields { get; }

    /// <summary>The keys of every result, in order: target fields, then output fields.</summary>
    public IReadOnlyList<string> ResultNames { get; }

    internal DocumentPlan Plan => _plan;

    /// <summary>
    /// Scores one record. Arguments are keyed by input field name; values may be strings (read as the field's type),
    /// numbers, booleans or dates; null, "" and the field's declared missing values are missing.
    /// Returns targets then outputs as plain CLR values (null when missing).
    /// </summary>
    public IReadOnlyDictionary<string, object?> Evaluate(IReadOnlyDictionary<string, object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var workspace = ThreadWorkspace;
        var row = workspace.Row;
        row.Reset();
        for (var i = 0; i < _plan.Inputs.Length; i++)
        {
            var input = _plan.Inputs[i];
            SetInput(row, i, arguments.TryGetValue(input.Name, out var raw) ? input.Convert(raw) : Value.Missing);
        }
        Score(workspace);
        var values = new Dictionary<string, object?>(_results.Length, StringComparer.Ordinal);
        foreach (var field in _results)
            values[field.Name] = ValueFormatter.ToClr(Read(row, field), field.DataType);
        return values;
    }

    /// <summary>
    /// Scores many records held as numbers: <paramref name="inputs"/> is row-major with one column per input field
    /// (<see cref="InputFields"/> order), <paramref name="results"/> row-major with one column per result
    /// (<see cref="ResultNames"/> order). A categorical input is given as the index of its category in the field's
    /// <see cref="FieldDescription.Values"/>; a categorical result that lists its values (a target's categories, a text
    /// predicted value's) comes back as the index of its value in the field's Values, a boolean as 0 or 1, other text as
    /// NaN; NaN is missing either way. Rows are split across <paramref name="degreeOfParallelism"/> threads
    /// (0: one per core). A record the model rejects gets NaN results; the count of such records is returned.
    /// </summary>
    public int EvaluateBatch(ReadOnlyMemory<double> inputs, Memory<double> results, int degreeOfParallelism = 0) =>
        BatchScorer.Score(this, inputs, results, degreeOfParallelism);

    /// <summary>
    /// The <see cref="EvaluateBatch"/> code of a text value for input field <paramref name="field"/> (by position in
    /// <see cref="InputFields"/>): NaN for missing, the number, or the category's index. False when the numeric layout
    /// cannot carry the value exactly (text that is no value of the field's type, a category the field does not list):
    /// score such a record with <see cref="CreateScorer"/>, which takes text.
    /// </summary>
    public bool TryEncodeBatchInput(int field, string? text, out double code) => BatchScorer.TryEncode(Inputs[field], text, out code);

    /// <summary>A scorer for one thread that reuses its buffers: typed inputs and results, no allocation per record.</summary>
    public RowScorer CreateScorer() => new(this, _engine.CreateWorkspace());

    internal IReadOnlyList<InputSlot> Inputs => _plan.Inputs;

    internal IReadOnlyList<PublicField> Results => _results;

    /// <summary>Per result (<see cref="Results"/> order), the values batch layouts write its index among (<see cref="ResultCategories"/>), or null.</summary>
    internal Value[]?[] ResultCategoryValues { get; }

    internal ScoringEngine Engine => _engine;

    /// <summary>The direct path of row scorers and batches when the document is one tree over its inputs (see <see cref="Backends.Compiled.DirectTree"/>), else null.</summary>
    internal DirectTree? DirectTree { get; }

    /// <summary>The direct path of row scorers and batches when the document is one regression over its inputs (see <see cref="Backends.Compiled.DirectRegression"/>), else null.</summary>
    internal DirectRegression? DirectRegression { get; }

    /// <summary>The direct path of row scorers when the document is one averaging or voting forest over its inputs (see <see cref="Backends.Compiled.DirectForest"/>), else null.</summary>
    internal DirectForest? DirectForest { get; }

    /// <summary>The direct path of row scorers when the document is one regression tree sum over its inputs (see <see cref="Backends.Compiled.DirectTreeSum"/>), else null.</summary>
    internal DirectTreeSum? DirectTreeSum { get; }

    /// <summary>The direct path of row scorers when the document is a classifier's chain of tree sums and a regression over its inputs (see <see cref="Backends.Compiled.DirectChain"/>), else null.</summary>
    internal DirectChain? DirectChain { get; }

    internal DocumentPlan DocumentPlan => _plan;

    internal Workspace ThreadWorkspace
    {
        get
        {
            if (!ReferenceEquals(t_workspace.Owner, this))
                t_workspace = (this, _engine.CreateWorkspace());
            return t_workspace.Workspace!;
        }
    }

    /// <summary>
    /// Sets input <paramref name="position"/> (<see cref="InputFields"/> order) of the record, and each of the top
    /// model's prepared fields that reads it when the field's treatments keep the value as it is: <see cref="CheckInputs"/>
    /// reads every such field first thing, and a value set here spares that read the slot's dispatch and checks.
    /// </summary>
    internal void SetInput(RowContext row, int position, Value value)
    {
        row.Set(_plan.Inputs[position].Index, value);
        foreach (var prepared in _preparedOf[position])
        {
            if (prepared.Keeps(value))
                row.Set(prepared.Index, value);
        }
    }

    /// <summary>Scores a record whose inputs are set in the workspace's slots, then writes the targets to theirs.</summary>
    internal void Score(Workspace workspace)
    {
        var row = workspace.Row;
        CheckInputs(row);
        WriteTargets(row, _engine.Run(workspace).Predicted);
    }

    /// <summary>Writes the top model's prediction to the target fields' slots.</summary>
    internal void WriteTargets(RowContext row, Value predicted)
    {
        foreach (var target in _plan.Targets)
            row.Set(target.Slots[0], ValueParser.Convert(predicted, target.DataType));
    }

    /// <summary>Every active field is checked up front so an invalid value fails the record even where no branch reads it.</summary>
    internal void CheckInputs(RowContext row)
    {
        foreach (var slot in _plan.Model.ActiveSlots)
            row.Get(slot);
    }

    /// <summary>A result field's value: from the first of its slots that the record set, else missing.</summary>
    internal static Value Read(RowContext row, PublicField field)
    {
        foreach (var slot in field.Slots)
            if (row.IsSet(slot))
                return row.Get(slot);
        return Value.Missing;
    }

    /// <summary>Scores the document's ModelVerification records and compares them with their expected values.</summary>
    public VerificationReport Verify()
    {
        var verification = FindVerification(_plan.Model);
        if (verification is null)
            return new VerificationReport(0, []);
        var mismatches = new List<string>();
        var recordNumber = 0;
        foreach (var record in verification.Table.Rows)
        {
            recordNumber++;
            var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var field in verification.Fields)
                if (_inputsByName.ContainsKey(field.Field))
                    arguments[field.Field] = record.GetValueOrDefault(field.Column);
            IReadOnlyDictionary<string, object?> actual;
            try
            {
                actual = Evaluate(arguments);
            }
            catch (Errors.PmmlEvaluationException e)
            {
                mismatches.Add($"record {recordNumber}: {e.Message}");
                continue;
            }
            foreach (var field in verification.Fields)
            {
                if (_inputsByName.ContainsKey(field.Field) || !actual.TryGetValue(field.Field, out var value))
                    continue;
                var expected = record.GetValueOrDefault(field.Column);
                if (!Matches(expected, value, field))
                    mismatches.Add($"record {recordNumber}: {field.Field} expected {expected ?? "(missing)"}, got {ValueFormatter.Format(value)}");
            }
        }
        return new VerificationReport(recordNumber, mismatches);
    }

    private static bool Matches(string? expected, object? actual, VerificationField field)
    {
        if (string.IsNullOrEmpty(expected))
            return actual is null;
        if (actual is null)
            return false;
        var actualText = ValueFormatter.Format(actual);
        if (!double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e)
            || !double.TryParse(actualText, NumberStyles.Float, CultureInfo.InvariantCulture, out var a))
            return string.Equals(expected, actualText, StringComparison.OrdinalIgnoreCase);
        // PMML 4.4 ModelVerification: values near zero compare absolutely, others relative to the expected value.
        return Math.Abs(e) < field.ZeroThreshold ? Math.Abs(a) < field.ZeroThreshold : Math.Abs(a - e) <= field.Precision * Math.Abs(e);
    }

    private static ModelVerification? FindVerification(ModelPlan model) => model.Element.Verification;

    private static OutputPlan? FindOutput(ModelPlan model, string name) =>
        model.Outputs.FirstOrDefault(o => o.Name == name)
        ?? (model as EnsemblePlan)?.Segments.Select(s => FindOutput(s.Model, name)).FirstOrDefault(o => o is not null);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{ModelType} ({Function.ToString().ToLowerInvariant()}): {InputFields.Count} inputs, {TargetFields.Count} targets, {OutputFields.Count} outputs");
}
