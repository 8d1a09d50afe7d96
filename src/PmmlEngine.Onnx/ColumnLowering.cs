using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Onnx.Proto;
using PmmlEngine.Planning;
using PmmlEngine.Types;
using DataType = PmmlEngine.Types.DataType;
using OnnxType = PmmlEngine.Onnx.Proto.TensorProto.Types.DataType;

namespace PmmlEngine.Onnx;

/// <summary>
/// The fields the trees read, as graph values of shape [N] computed from the graph inputs: one input per PMML input
/// field (float32, NaN missing; or string, "" missing), then the MiningSchema treatments and the field-to-field casts
/// sklearn2pmml writes. Records the interpreter would reject (a returnInvalid field) are collected as a validity mask.
/// </summary>
internal sealed class ColumnLowering(OnnxGraph graph, DocumentPlan document)
{
    private readonly Dictionary<int, string> _values = [];
    private readonly List<string> _valid = [];

    /// <summary>A numeric field as double [N].</summary>
    public string Numeric(int slot)
    {
        var (value, isString) = Lower(slot);
        if (isString)
            throw Refuse(document.Slots[slot], "is text where a number is compared");
        return value;
    }

    /// <summary>A string field as double [N] holding each category's code (-1 for others, NaN for missing).</summary>
    public string Coded(int slot, IReadOnlyDictionary<string, int> codes)
    {
        var (value, isString) = Lower(slot);
        if (!isString)
            throw Refuse(document.Slots[slot], "is a number where categories are compared");
        var keys = codes.Keys.Append("").ToArray();
        var values = codes.Values.Select(c => (float)c).Append(float.NaN).ToArray();
        var code = graph.Op("LabelEncoder", [value],
            [OnnxGraph.Strings("keys_strings", keys), OnnxGraph.Floats("values_floats", values), OnnxGraph.Float("default_float", -1)], OnnxGraph.MlDomain);
        return graph.Cast(code, OnnxType.Double);
    }

    /// <summary>bool [N]: the field equals the value (never where it is missing).</summary>
    public string Equals(int slot, Value value)
    {
        var (x, isString) = Lower(slot);
        if (isString)
            return graph.Member(x, [value.ToString()]);
        return value.TryGetNumber(out var n) ? graph.Op("Equal", x, graph.Double(n)) : throw Refuse(document.Slots[slot], $"is compared with '{value}', which is not a number");
    }

    /// <summary>bool [N]: the field is missing ("" for text, NaN for a number).</summary>
    public string IsMissing(int slot)
    {
        var (x, isString) = Lower(slot);
        return isString ? graph.Member(x, [""]) : graph.IsNaN(x);
    }

    /// <summary>Registers every field the top model checks, so a record the interpreter rejects is rejected here too.</summary>
    public void CheckActive(IEnumerable<int> slots)
    {
        foreach (var slot in slots)
            Lower(slot);
    }

    /// <summary>Rejects the records where <paramref name="valid"/> (bool [N]) is false, as the interpreter's returnInvalid does.</summary>
    public void Require(string valid) => _valid.Add(valid);

    /// <summary>bool [N]: the records no returnInvalid treatment rejects, or null when none can be.</summary>
    public string? Valid() => _valid.Count == 0 ? null : _valid.Aggregate((a, b) => graph.Op("And", a, b));

    private (string Value, bool IsString) Lower(int slot)
    {
        var definition = document.Slots[slot];
        var isString = definition.DataType == DataType.String;
        if (!_values.TryGetValue(slot, out var value))
        {
            value = definition switch
            {
                InputSlot input => Input(input),
                PreparedSlot prepared => Prepare(prepared, isString),
                DerivedSlot derived => Derive(derived, isString),
                _ => throw Refuse(definition, "is not an input, a prepared field or a derived field"),
            };
            _values[slot] = value;
        }
        return (value, isString);
    }

    private string Input(InputSlot input)
    {
        if (input.DataType == DataType.String)
        {
            graph.Input(input.Name, OnnxType.String);
            return input.Name;
        }
        if (input.DataType is not (DataType.Double or DataType.Float or DataType.Integer))
            throw Refuse(input, $"has data type {input.DataType}, which the export does not take as an input");
        graph.Input(input.Name, OnnxType.Float);
        return graph.Cast(input.Name, OnnxType.Double);
    }

    /// <summary>PMML 4.4 MiningSchema treatment, as the interpreter applies it: missing first, then invalid, then outliers.</summary>
    private string Prepare(PreparedSlot prepared, bool isString)
    {
        var (x, sourceIsString) = Lower(prepared.Source);
        if (sourceIsString != isString)
            throw Refuse(prepared, "changes between text and number");
        var field = prepared.Field;
        var domain = prepared.Domain;
        if (domain is { HasInvalidValues: true })
            throw Refuse(prepared, "lists invalid values, which the export does not translate");
        if (field.Outliers != OutlierTreatment.AsIs && prepared.OpType == OpType.Continuous && (field.LowValue is not null || field.HighValue is not null))
            throw Refuse(prepared, $"has outlier treatment {field.Outliers}, which the export does not translate");
        var missing = isString ? graph.Member(x, [""]) : graph.IsNaN(x);
        if (domain is { HasMissingValues: true })
        {
            // A declared marker ("NA", -999) is a missing value from here on, as the interpreter reads it.
            missing = graph.Op("Or", missing, Marker(domain, x, isString));
            x = graph.Where(missing, Missing(isString), x);
        }

        if (domain is not null && InDomain(domain, x, isString) is { } inDomain)
        {
            var present = graph.Op("Not", missing);
            var invalid = graph.Op("And", present, graph.Op("Not", inDomain));
            switch (field.InvalidValueTreatment)
            {
                case InvalidValueTreatment.ReturnInvalid:
                    _valid.Add(graph.Op("Not", invalid));
                    break;
                case InvalidValueTreatment.AsMissing:
                    x = graph.Where(invalid, Missing(isString), x);
                    missing = graph.Op("Or", missing, invalid);
                    break;
                case InvalidValueTreatment.AsValue:
                    x = graph.Where(invalid, Constant(prepared.InvalidReplacement, isString, prepared), x);
                    break;
            }
        }
        if (prepared.MissingReplacement.HasValue)
            return graph.Where(missing, Constant(prepared.MissingReplacement, isString, prepared), x);
        if (field.MissingValueTreatment == MissingValueTreatment.ReturnInvalid)
            _valid.Add(graph.Op("Not", missing));
        return x;
    }

    /// <summary>bool [N]: the value is valid for the field's domain; null when every value is.</summary>
    private string? InDomain(FieldDomain domain, string x, bool isString)
    {
        if (domain.IsContinuous && domain.Intervals.Count > 0)
        {
            if (domain.ValidValues.Count > 0)
                throw Refuse(null, "a continuous field with both intervals and valid values is not translated");
            return domain.Intervals.Select(i => Contains(i, x)).Aggregate((a, b) => graph.Op("Or", a, b));
        }
        if (domain.IsContinuous || domain.ValidValues.Count == 0)
            return null;
        return isString
            ? graph.Member(x, domain.ValidValues.Select(v => v.ToString()).ToArray())
            : graph.Member(x, domain.ValidValues.Select(v => v.TryGetNumber(out var n) ? n : double.NaN).ToArray());
    }

    /// <summary>bool [N]: the value is one of the field's missing markers ("NaN" needs nothing: a float NaN is missing already).</summary>
    private string Marker(FieldDomain domain, string x, bool isString)
    {
        if (isString)
            return graph.Member(x, domain.MissingTexts.ToArray());
        var numbers = domain.MissingTexts.Select(t => ValueParser.TryParseDouble(t, out var n) ? n : double.NaN).Where(n => !double.IsNaN(n)).ToArray();
        return numbers.Length == 0 ? graph.IsNaN(x) : graph.Member(x, numbers);
    }

    private string Contains(Interval interval, string x)
    {
        var left = graph.Op(interval.Closure is IntervalClosure.ClosedOpen or IntervalClosure.ClosedClosed ? "GreaterOrEqual" : "Greater", x, graph.Double(interval.Left));
        var right = graph.Op(interval.Closure is IntervalClosure.OpenClosed or IntervalClosure.ClosedClosed ? "LessOrEqual" : "Less", x, graph.Double(interval.Right));
        return graph.Op("And", left, right);
    }

    private string Missing(bool isString) => isString ? graph.Strings([""]) : graph.Double(double.NaN);

    private string Constant(Value value, bool isString, SlotDefinition slot)
    {
        if (isString)
            return graph.Strings([value.ToString()]);
        return value.TryGetNumber(out var n) ? graph.Double(n) : throw Refuse(slot, $"replaces a value with '{value}', which is not a number");
    }

    /// <summary>A derived field that only reads another field, converted to its own type (sklearn2pmml's cast chains).</summary>
    private string Derive(DerivedSlot derived, bool isString)
    {
        if (derived.CopyOf < 0)
        {
            if (isString)
                throw Refuse(derived, $"is text computed by {Describe(derived.Expression)}, which the ONNX export does not translate");
            var expressions = new ExpressionLowering(graph, this, _ => null);
            try
            {
                return expressions.Convert(expressions.Lower(derived.Expression), derived.DataType);
            }
            catch (PmmlUnsupportedException e)
            {
                throw Refuse(derived, $"is computed by {Describe(derived.Expression)}, which the ONNX export does not translate ({e.Message.Replace("Not expressible in ONNX: ", "", StringComparison.Ordinal)})");
            }
        }
        var (x, sourceIsString) = Lower(derived.CopyOf);
        if (sourceIsString != isString)
            throw Refuse(derived, "changes between text and number");
        var source = document.Slots[derived.CopyOf].DataType;
        return derived.DataType switch
        {
            _ when isString || derived.DataType == source => x,
            DataType.Double => x,
            DataType.Float => graph.Cast(graph.Cast(x, OnnxType.Float), OnnxType.Double),
            DataType.Integer when source == DataType.Integer => x,
            _ => throw Refuse(derived, $"converts {source} to {derived.DataType}, which the export does not translate"),
        };
    }

    private static string Describe(PlanExpression expression) => expression switch
    {
        // Text indexing splits words by a regular expression; standard ONNX has no such operator (StringSplit takes one
        // delimiter, RegexFullMatch only tests), so term frequencies cannot be computed exactly in the graph.
        TextIndexPlan => "a TextIndex (words split by a regular expression, which no standard ONNX operator does)",
        CallPlan { Function: var f } when HasTextIndex(f.Body) => $"a TextIndex through DefineFunction '{f.Name}' (words split by a regular expression, which no standard ONNX operator does)",
        CallPlan { Function: var f } => $"DefineFunction '{f.Name}'",
        _ => expression.GetType().Name.Replace("Plan", "", StringComparison.Ordinal),
    };

    private static bool HasTextIndex(PlanExpression expression) => expression is TextIndexPlan || PlanWalker.Children(expression).Any(HasTextIndex);

    private static PmmlUnsupportedException Refuse(SlotDefinition? slot, string message) =>
        new($"Not expressible in ONNX: {(slot is null ? "" : $"field '{slot.Name}' ")}{message}",
            slot is DerivedSlot derived ? derived.Location : slot is PreparedSlot prepared ? prepared.Field.Location : SourceLocation.None);
}
