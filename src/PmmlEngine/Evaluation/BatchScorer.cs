using PmmlEngine.Backends;
using PmmlEngine.Backends.Compiled;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Errors;
using PmmlEngine.Planning;
using PmmlEngine.Tensors;
using PmmlEngine.Types;

namespace PmmlEngine.Evaluation;

/// <summary>The numeric batch API: rows split into contiguous chunks, one workspace per chunk, results written in place.</summary>
internal static class BatchScorer
{
    public static int Score(PmmlEvaluator evaluator, ReadOnlyMemory<double> inputs, Memory<double> results, int degreeOfParallelism)
    {
        var inputCount = evaluator.Inputs.Count;
        var resultCount = evaluator.Results.Count;
        var rows = Rows(evaluator, inputs, results);
        var codes = Codes(evaluator);
        var threads = degreeOfParallelism > 0 ? degreeOfParallelism : Environment.ProcessorCount;
        var chunk = Math.Max(1024, (rows + threads - 1) / threads);
        var failed = 0;
        Parallel.For(0, (rows + chunk - 1) / chunk, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
        {
            var first = c * chunk;
            var count = Math.Min(chunk, rows - first);
            var errors = ScoreRows(evaluator, codes, count, inputs.Span.Slice(first * inputCount, count * inputCount), results.Span.Slice(first * resultCount, count * resultCount));
            Interlocked.Add(ref failed, errors);
        });
        return failed;
    }

    private static int ScoreRows(PmmlEvaluator evaluator, ResultCodes codes, int rows, ReadOnlySpan<double> inputs, Span<double> results)
    {
        if (evaluator.Engine is CompiledEngine { TreeSum: { } kernel })
            return ScoreTreeSum(evaluator, kernel, codes, rows, inputs, results);
        if (evaluator.Engine is CompiledEngine { ChainSums: { Length: > 0 } kernels })
            return ScoreChain(evaluator, kernels, codes, rows, inputs, results);
        if (evaluator.Engine is CompiledEngine { Tally: { } tally } && tally.Writes(evaluator.DocumentPlan, evaluator.Results))
            return ScoreTally(evaluator, tally, codes, rows, inputs, results);
        return ScoreEachRow(evaluator, codes, rows, inputs, results);
    }

    /// <summary>
    /// A model chain whose segments include tree sums: each block's sums come from the packed kernels
    /// (<see cref="TreeSumBatch.Sum"/>), then every record is scored as one at a time with those sums preset, so that the
    /// chain's other segments, Targets and outputs are the record path's own; where the chain is tree sums then a
    /// regression over their outputs, a record is finished from its sums (<see cref="ChainTail"/>), with the same steps but
    /// without setting and checking its inputs again. The kernels' features are read from a row's
    /// inputs where the MiningSchema keeps them as they are (<see cref="LoadKept"/>), else through the record. A record
    /// whose features could not be read goes through <see cref="ScoreEachRow"/>, which fails it exactly where the
    /// single-record path would.
    /// </summary>
    private static int ScoreChain(PmmlEvaluator evaluator, TreeSumBatch[] kernels, ResultCodes codes, int rows, ReadOnlySpan<double> inputs, Span<double> results)
    {
        var workspace = evaluator.Engine.CreateWorkspace();
        var row = workspace.Row;
        var fields = evaluator.Results;
        var inputCount = evaluator.Inputs.Count;
        var resultCount = fields.Count;
        var block = TreeSumBatch.BlockRows;
        var features = kernels.Select(k => new double[block * k.Features.Count]).ToArray();
        var direct = kernels.Select(k => DirectColumns.TryCreate(evaluator, k.Features)).ToArray();
        // Where some kernel's features are not plain copies, a row the MiningSchema keeps as it is is still read from its
        // inputs (KeptFeatures); any other row goes through the record.
        var kept = kernels.Select((k, i) => direct[i] is null ? KeptFeatures.TryCreate(evaluator.DocumentPlan, evaluator.DocumentPlan.Model, k.Features) : null).ToArray();
        var readsRecord = direct.Any(d => d is null);
        var readsKept = Enumerable.Range(0, kernels.Length).All(k => direct[k] is not null || kept[k] is not null);
        var record = new InputRecord(evaluator.Inputs);
        var sums = kernels.Select(_ => new double[block]).ToArray();
        var states = kernels.Select(k => (EnsembleState)workspace.States[k.Ensemble.Id]!).ToArray();
        var failed = new bool[block];
        var tail = ChainTail.TryCreate(evaluator.DocumentPlan, ((CompiledEngine)evaluator.Engine).Document.Top, kernels.Select(k => k.Ensemble).ToArray(), fields);
        var errors = 0;
        for (var first = 0; first < rows; first += block)
        {
            var count = Math.Min(block, rows - first);
            for (var r = 0; r < count; r++)
            {
                var line = inputs.Slice((first + r) * inputCount, inputCount);
                failed[r] = false;
                if (readsRecord && readsKept)
                {
                    SetRecord(record, evaluator.Inputs, line);
                    if (LoadKept(record, line, kernels, direct, kept, features, r))
                        continue;
                }
                if (readsRecord)
                {
                    SetInputs(evaluator, row, line);
                    failed[r] = !Accepts(evaluator, row);
                }
                for (var k = 0; k < kernels.Length && !failed[r]; k++)
                {
                    var vector = features[k].AsSpan(r * kernels[k].Features.Count, kernels[k].Features.Count);
                    if (direct[k] is { } columns)
                        columns.Load(line, vector);
                    else
                        failed[r] = ReadFeatures(kernels[k].Features, row, vector) != FeatureRead.Read;
                }
            }
            for (var k = 0; k < kernels.Length; k++)
                kernels[k].Sum(features[k], count, failed, sums[k], row);
            for (var r = 0; r < count; r++)
            {
                var line = inputs.Slice((first + r) * inputCount, inputCount);
                var output = results.Slice((first + r) * resultCount, resultCount);
                if (failed[r])
                {
                    errors += ScoreEachRow(evaluator, codes, 1, line, output);
                    continue;
                }
                if (tail is not null && tail.TryScore(workspace, sums, r, out var predicted))
                {
                    evaluator.WriteTargets(row, predicted);
                    WriteResults(evaluator, row, codes, output);
                    continue;
                }
                SetInputs(evaluator, row, line);
                for (var k = 0; k < kernels.Length; k++)
                    states[k].PresetSum = sums[k][r];
                try
                {
                    if (!TryScoreRecord(evaluator, workspace, codes, output))
                        errors++;
                }
                finally
                {
                    // A segment the chain did not reach leaves its sum unused: it must not carry over to the next record.
                    foreach (var state in states)
                        state.PresetSum = double.NaN;
                }
            }
        }
        return errors;
    }

    /// <summary>
    /// Every kernel's features of row <paramref name="r"/> read from its inputs in <paramref name="record"/>: copied
    /// (<see cref="DirectColumns"/>) or kept as they are (<see cref="KeptFeatures"/>); false when the MiningSchema would
    /// treat some value, which the record path then does.
    /// </summary>
    private static bool LoadKept(InputRecord record, ReadOnlySpan<double> line, TreeSumBatch[] kernels, DirectColumns?[] direct,
        KeptFeatures?[] kept, double[][] features, int r)
    {
        for (var k = 0; k < kernels.Length; k++)
        {
            var vector = features[k].AsSpan(r * kernels[k].Features.Count, kernels[k].Features.Count);
            if (direct[k] is { } columns)
                columns.Load(line, vector);
            else if (!kept[k]!.TryLoad(record, vector, missingValues: true))
                return false;
        }
        return true;
    }

    /// <summary>Whether the record in <paramref name="row"/> passes its MiningSchema's checks; false when it is rejected.</summary>
    private static bool Accepts(PmmlEvaluator evaluator, RowContext row)
    {
        try
        {
            evaluator.CheckInputs(row);
        }
        catch (PmmlEvaluationException)
        {
            return false;
        }
        return true;
    }

    private enum FeatureRead
    {
        Read,
        /// <summary>Reading a feature rejected the record.</summary>
        Rejected,
        /// <summary>A derived feature failed; the single-record path says where.</summary>
        Failed,
    }

    /// <summary>A kernel's features of the record in <paramref name="row"/>, whose inputs were accepted.</summary>
    private static FeatureRead ReadFeatures(FeatureMap features, RowContext row, Span<double> vector)
    {
        try
        {
            features.Load(row, vector);
        }
        catch (PmmlEvaluationException)
        {
            return FeatureRead.Rejected;
        }
        foreach (var x in vector)
        {
            if (double.IsNaN(x) && Features.IsFailed(x))
                return FeatureRead.Failed;
        }
        return FeatureRead.Read;
    }

    /// <summary>
    /// Rows in blocks through <see cref="TreeSumBatch"/>. A row whose record the model rejects gets NaN; a row with a
    /// derived feature that failed to compute goes through <see cref="ScoreEachRow"/>, which fails it exactly where the
    /// single-record path would.
    /// </summary>
    private static int ScoreTreeSum(PmmlEvaluator evaluator, TreeSumBatch kernel, ResultCodes codes, int rows, ReadOnlySpan<double> inputs, Span<double> results)
    {
        var workspace = evaluator.Engine.CreateWorkspace();
        var row = workspace.Row;
        var slots = evaluator.Inputs;
        var fields = evaluator.Results;
        var inputCount = slots.Count;
        var resultCount = fields.Count;
        var block = TreeSumBatch.BlockRows;
        var sums = new double[block];
        var predictions = new Value[block];
        var result = new ModelResult(evaluator.DocumentPlan.Model.Target);
        var reader = new BlockReader(evaluator, kernel.Features, block);
        var (features, failed, retry) = (reader.Features, reader.Failed, reader.Retry);
        var errors = 0;
        for (var first = 0; first < rows; first += block)
        {
            var count = Math.Min(block, rows - first);
            reader.Read(row, inputs.Slice(first * inputCount, count * inputCount), count);
            kernel.Score(features, count, failed, retry, sums, row, result, predictions);
            for (var r = 0; r < count; r++)
            {
                var output = results.Slice((first + r) * resultCount, resultCount);
                if (retry[r])
                {
                    errors += ScoreEachRow(evaluator, codes, 1, inputs.Slice((first + r) * inputCount, inputCount), output);
                    continue;
                }
                if (failed[r])
                {
                    output.Fill(double.NaN);
                    errors++;
                    continue;
                }
                for (var j = 0; j < resultCount; j++)
                    output[j] = codes.Encode(j, ValueParser.Convert(predictions[r], fields[j].DataType));
            }
        }
        return errors;
    }

    /// <summary>
    /// Rows in blocks through <see cref="TallyBatch"/>: each row's totals from the kernel, then the forest's distribution,
    /// Targets and outputs as the single-record path ends. A row whose record the model rejects gets NaN; a row with a
    /// derived feature that failed to compute, or a tree that predicted nothing, goes through <see cref="ScoreEachRow"/>.
    /// </summary>
    private static int ScoreTally(PmmlEvaluator evaluator, TallyBatch kernel, ResultCodes codes, int rows, ReadOnlySpan<double> inputs, Span<double> results)
    {
        var workspace = evaluator.Engine.CreateWorkspace();
        var row = workspace.Row;
        var inputCount = evaluator.Inputs.Count;
        var resultCount = evaluator.Results.Count;
        var block = TreeSumBatch.BlockRows;
        var categories = kernel.Categories;
        var totals = new double[block * categories];
        var divisors = new double[block];
        var reader = new BlockReader(evaluator, kernel.Features, block);
        var (failed, retry) = (reader.Failed, reader.Retry);
        var errors = 0;
        for (var first = 0; first < rows; first += block)
        {
            var count = Math.Min(block, rows - first);
            reader.Read(row, inputs.Slice(first * inputCount, count * inputCount), count);
            kernel.Tally(reader.Features, count, failed, retry, totals, divisors, row);
            for (var r = 0; r < count; r++)
            {
                var output = results.Slice((first + r) * resultCount, resultCount);
                if (retry[r])
                {
                    errors += ScoreEachRow(evaluator, codes, 1, inputs.Slice((first + r) * inputCount, inputCount), output);
                    continue;
                }
                if (failed[r])
                {
                    output.Fill(double.NaN);
                    errors++;
                    continue;
                }
                evaluator.WriteTargets(row, kernel.Finish(workspace, totals.AsSpan(r * categories, categories), divisors[r]));
                WriteResults(evaluator, row, codes, output);
            }
        }
        return errors;
    }

    /// <summary>
    /// A kernel's features for a block of rows (row-major, one vector per row): copied where they are plain numeric
    /// inputs (<see cref="DirectColumns"/>: the same values, by construction), read from a row's inputs where the
    /// MiningSchema keeps them as they are (<see cref="KeptFeatures"/>), else through the record. A row the model rejects
    /// is marked failed; one with a derived feature that failed to compute, failed and for retry, so that the
    /// single-record path fails it where it would.
    /// </summary>
    private sealed class BlockReader
    {
        private readonly PmmlEvaluator _evaluator;
        private readonly FeatureMap _map;
        private readonly DirectColumns? _direct;
        private readonly KeptFeatures? _kept;
        private readonly InputRecord _record;

        public BlockReader(PmmlEvaluator evaluator, FeatureMap map, int block)
        {
            _evaluator = evaluator;
            _map = map;
            _direct = DirectColumns.TryCreate(evaluator, map);
            _kept = _direct is null ? KeptFeatures.TryCreate(evaluator.DocumentPlan, evaluator.DocumentPlan.Model, map) : null;
            _record = new InputRecord(evaluator.Inputs);
            Features = new double[block * map.Count];
            Failed = new bool[block];
            Retry = new bool[block];
        }

        public double[] Features { get; }
        public bool[] Failed { get; }
        public bool[] Retry { get; }

        /// <summary>Reads the first <paramref name="count"/> rows of <paramref name="inputs"/> (the batch layout), with <paramref name="row"/> as the record.</summary>
        public void Read(RowContext row, ReadOnlySpan<double> inputs, int count)
        {
            var width = _map.Count;
            var slots = _evaluator.Inputs;
            for (var r = 0; r < count; r++)
            {
                Failed[r] = false;
                Retry[r] = false;
                var vector = Features.AsSpan(r * width, width);
                var line = inputs.Slice(r * slots.Count, slots.Count);
                if (_direct is not null)
                {
                    _direct.Load(line, vector);
                    continue;
                }
                if (_kept is not null)
                {
                    SetRecord(_record, slots, line);
                    if (_kept.TryLoad(_record, vector, missingValues: true))
                        continue;
                }
                SetInputs(_evaluator, row, line);
                var read = Accepts(_evaluator, row) ? ReadFeatures(_map, row, vector) : FeatureRead.Rejected;
                Failed[r] = read != FeatureRead.Read;
                Retry[r] = read == FeatureRead.Failed;
            }
        }
    }

    /// <summary>The number of rows of a batch, checking that its input and result matrices have whole, matching rows.</summary>
    internal static int Rows(PmmlEvaluator evaluator, ReadOnlyMemory<double> inputs, Memory<double> results)
    {
        var inputLength = inputs.Length;
        var resultLength = results.Length;
        var inputCount = evaluator.Inputs.Count;
        var resultCount = evaluator.Results.Count;
        if (inputCount == 0 || resultCount == 0)
            throw new ArgumentException("the batch API needs a model with at least one input and one result field");
        var rows = inputLength / inputCount;
        if (inputLength != rows * inputCount)
            throw new ArgumentException($"inputs hold {inputLength} numbers, not a whole number of rows of {inputCount} input fields", nameof(inputs));
        if (resultLength != rows * resultCount)
            throw new ArgumentException($"results must hold {rows} rows × {resultCount} results = {rows * resultCount} numbers, not {resultLength}", nameof(results));
        return rows;
    }

    internal static int ScoreEachRow(PmmlEvaluator evaluator, ResultCodes codes, int rows, ReadOnlySpan<double> inputs, Span<double> results)
    {
        var workspace = evaluator.Engine.CreateWorkspace();
        var row = workspace.Row;
        var slots = evaluator.Inputs;
        var fields = evaluator.Results;
        var inputCount = slots.Count;
        var resultCount = fields.Count;
        var errors = 0;
        // A single tree or regression scores a row straight from its values when the MiningSchema keeps them all, as
        // RowScorer does.
        var (direct, regression) = (evaluator.DirectTree, evaluator.DirectRegression);
        var record = direct is null && regression is null ? null : new InputRecord(slots);
        var features = new double[direct?.FeatureCount ?? 0];
        var terms = new double[regression?.TermCount ?? 0];
        var regressionResults = new Value[regression is null ? 0 : resultCount];
        for (var r = 0; r < rows; r++)
        {
            var line = inputs.Slice(r * inputCount, inputCount);
            var output = results.Slice(r * resultCount, resultCount);
            if (record is not null)
            {
                SetRecord(record, slots, line);
                var kept = direct is null ? regression!.TryScore(record, workspace, terms, regressionResults) ? regressionResults : null
                    : direct.Walk(record, features, row) is var leaf and >= 0 ? direct.Results(leaf) : null;
                if (kept is not null)
                {
                    for (var j = 0; j < resultCount; j++)
                        output[j] = codes.Encode(j, kept[j]);
                    continue;
                }
            }
            SetInputs(evaluator, row, line);
            if (!TryScoreRecord(evaluator, workspace, codes, output))
                errors++;
        }
        return errors;
    }

    /// <summary>Scores the record set in the workspace and writes its results: false, with NaN results, when it is rejected.</summary>
    private static bool TryScoreRecord(PmmlEvaluator evaluator, Workspace workspace, ResultCodes codes, Span<double> output)
    {
        try
        {
            evaluator.Score(workspace);
        }
        catch (PmmlEvaluationException)
        {
            output.Fill(double.NaN);
            return false;
        }
        WriteResults(evaluator, workspace.Row, codes, output);
        return true;
    }

    /// <summary>The result fields of a record scored in <paramref name="row"/>, encoded.</summary>
    private static void WriteResults(PmmlEvaluator evaluator, RowContext row, ResultCodes codes, Span<double> output)
    {
        var fields = evaluator.Results;
        for (var j = 0; j < fields.Count; j++)
            output[j] = codes.Encode(j, PmmlEvaluator.Read(row, fields[j]));
    }

    /// <summary>Starts a record with one row of the input matrix.</summary>
    internal static void SetInputs(PmmlEvaluator evaluator, RowContext row, ReadOnlySpan<double> values)
    {
        var slots = evaluator.Inputs;
        row.Reset();
        for (var i = 0; i < slots.Count; i++)
            evaluator.SetInput(row, i, Input(slots[i], values[i]));
    }

    /// <summary>
    /// A text value in the batch layout: true with its code when <see cref="Input"/> reads the code back as the very
    /// value the record path makes of the text; false when the layout cannot carry it (text that is no value of the
    /// field's type, a category the field does not list).
    /// </summary>
    internal static bool TryEncode(InputSlot slot, string? text, out double code)
    {
        var value = slot.Convert(text);
        code = double.NaN;
        if (value.IsMissing)
            return true;
        if (value.IsInvalid)
            return false;
        if (slot.OpType != OpType.Continuous && slot.DataType == DataType.String)
        {
            // A converted category carries its position; the scan is for values read some other way.
            var values = slot.Domain.ValidValues;
            if (slot.Domain.PositionOf(value) is var at and >= 0)
                code = at;
            for (var k = 0; k < values.Count && double.IsNaN(code); k++)
                if (values[k].Equals(value))
                    code = k;
        }
        else if (value.TryGetNumber(out var x))
            code = x;
        return !double.IsNaN(code) && Input(slot, code).Equals(value);
    }

    /// <summary>Sets a record's inputs to one row of the input matrix (<see cref="SetInput"/>).</summary>
    internal static void SetRecord(InputRecord record, IReadOnlyList<InputSlot> slots, ReadOnlySpan<double> line)
    {
        for (var i = 0; i < slots.Count; i++)
            SetInput(record, i, slots[i], line[i]);
    }

    /// <summary>
    /// <see cref="Input"/> into a record: a number (converted to the field's type) or a category's position as it is; a
    /// whole number of an integer category as the position of the valid value it is.
    /// </summary>
    private static void SetInput(InputRecord record, int input, InputSlot slot, double x)
    {
        // A number of a numeric field is the number ValueParser.Convert makes of it, without making a value first.
        var type = slot.DataType;
        if (type is DataType.Double or DataType.Float or DataType.Integer && !double.IsNaN(x))
        {
            if (slot.PositionOfNumber(x) is var at and >= 0)
                record.SetCategory(input, at);
            else
                record.SetNumber(input, type == DataType.Double ? x : type == DataType.Float ? (float)x : Math.Truncate(x));
            return;
        }
        if (IsCategoryCode(slot) && Position(slot, x) is var position and >= 0)
        {
            record.SetCategory(input, position);
            return;
        }
        var value = Input(slot, x);
        if (value.Kind == ValueKind.Number)
            record.SetNumber(input, value.Number);
        else
            record.Set(input, value);
    }

    private static Value Input(InputSlot slot, double x)
    {
        if (double.IsNaN(x))
            return Value.Missing;
        if (!IsCategoryCode(slot))
            return ValueParser.Convert(Value.Of(x), slot.DataType);
        return Position(slot, x) is var position and >= 0 ? slot.Domain.ValidValueAt(position) : Value.Invalid;
    }

    /// <summary>Whether the batch layout carries the field's values as their positions among its valid values.</summary>
    private static bool IsCategoryCode(InputSlot slot) => slot.OpType != OpType.Continuous && slot.DataType == DataType.String;

    /// <summary>The valid value a code stands for, or -1 (NaN, a fraction, out of range).</summary>
    private static int Position(InputSlot slot, double code)
    {
        var k = (int)code;
        return k == code && k >= 0 && k < slot.Domain.ValidValues.Count ? k : -1;
    }

    internal static ResultCodes Codes(PmmlEvaluator evaluator) => new(evaluator.ResultCategoryValues);

    /// <summary>Numbers stay numbers; a listed category becomes its index in its result's categories; anything else is NaN.</summary>
    internal sealed class ResultCodes(Value[]?[] categories)
    {
        public double Encode(int field, Value value)
        {
            if (categories[field] is { } known)
            {
                var index = Array.IndexOf(known, value);
                return index >= 0 ? index : double.NaN;
            }
            return value.IsNumeric ? value.Number : double.NaN;
        }
    }
}
