using Google.Protobuf;
using PmmlEngine.Onnx.Proto;

namespace PmmlEngine.Onnx;

/// <summary>Writes a GraphProto node by node: each call adds one operator and returns the name of its output.</summary>
internal sealed class OnnxGraph
{
    public const string MlDomain = "ai.onnx.ml";
    private readonly GraphProto _graph = new() { Name = "pmml" };
    private int _next;

    public GraphProto Proto => _graph;

    public string Op(string type, params string[] inputs) => Op(type, inputs, []);

    public string Op(string type, string[] inputs, AttributeProto[] attributes, string domain = "") => Ops(type, inputs, attributes, 1, domain)[0];

    /// <summary>An operator with several outputs (TopK's values and indices).</summary>
    public string[] Ops(string type, string[] inputs, AttributeProto[] attributes, int outputs, string domain = "")
    {
        var name = $"{type.ToLowerInvariant()}_{_next++}";
        var node = new NodeProto { OpType = type, Name = name, Domain = domain };
        node.Input.AddRange(inputs);
        var names = Enumerable.Range(0, outputs).Select(i => i == 0 ? name : $"{name}_{i}").ToArray();
        node.Output.AddRange(names);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return names;
    }

    private readonly List<(string Value, string Name, TensorProto.Types.DataType Type)> _outputs = [];

    /// <summary>Declares a graph output named after a PMML field; <see cref="MaskOutputs"/> writes them.</summary>
    public void Output(string value, string name, TensorProto.Types.DataType type) => _outputs.Add((value, name, type));

    /// <summary>
    /// Writes the declared outputs, each through the validity mask (bool [N], or null): a record the model rejects
    /// gets NaN, or "" for a label.
    /// </summary>
    public void MaskOutputs(string? valid)
    {
        foreach (var (value, name, type) in _outputs)
        {
            var masked = valid is null ? value
                : Where(valid, value, type == TensorProto.Types.DataType.String ? Strings([""]) : Double(double.NaN));
            var node = new NodeProto { OpType = "Identity", Name = "output_" + name };
            node.Input.Add(masked);
            node.Output.Add(name);
            _graph.Node.Add(node);
            _graph.Output.Add(Value(name, type));
        }
    }

    public void Input(string name, TensorProto.Types.DataType type) => _graph.Input.Add(Value(name, type));

    private static ValueInfoProto Value(string name, TensorProto.Types.DataType type) => new()
    {
        Name = name,
        Type = new TypeProto
        {
            TensorType = new TypeProto.Types.Tensor
            {
                ElemType = (int)type,
                Shape = new TensorShapeProto { Dim = { new TensorShapeProto.Types.Dimension { DimParam = "N" } } },
            },
        },
    };

    // Without dims a constant is one-dimensional (never a scalar), so it can be concatenated and used as axes or indexes.
    public string Doubles(double[] values, params long[] dims) => Constant(new TensorProto { DataType = (int)TensorProto.Types.DataType.Double, DoubleData = { values } }, dims, values.Length);

    public string Floats(float[] values, params long[] dims) => Constant(new TensorProto { DataType = (int)TensorProto.Types.DataType.Float, FloatData = { values } }, dims, values.Length);

    public string Longs(long[] values, params long[] dims) => Constant(new TensorProto { DataType = (int)TensorProto.Types.DataType.Int64, Int64Data = { values } }, dims, values.Length);

    public string Strings(string[] values, params long[] dims) =>
        Constant(new TensorProto { DataType = (int)TensorProto.Types.DataType.String, StringData = { values.Select(ByteString.CopyFromUtf8) } }, dims, values.Length);

    public string Double(double value) => Doubles([value]);

    private string Constant(TensorProto tensor, long[] dims, int count)
    {
        tensor.Name = $"const_{_next++}";
        tensor.Dims.AddRange(dims.Length == 0 ? [count] : dims);
        _graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Ints(string name, params long[] values) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Ints, Ints = { values } };

    public static AttributeProto Floats(string name, params float[] values) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Floats, Floats = { values } };

    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Strings(string name, params string[] values) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Strings, Strings = { values.Select(ByteString.CopyFromUtf8) } };

    // Common compositions.
    public string Cast(string value, TensorProto.Types.DataType to) => Op("Cast", [value], [Int("to", (long)to)]);

    public string Where(string condition, string then, string otherwise) => Op("Where", condition, then, otherwise);

    public string IsNaN(string value) => Op("IsNaN", value);

    /// <summary>A constant row [1, width] repeated for every row of <paramref name="matrix"/>: [N, width].</summary>
    public string PerRow(string matrix, string row, long width)
    {
        var rows = Op("Slice", Op("Shape", matrix), Longs([0]), Longs([1]));
        return Op("Expand", row, Op("Concat", [rows, Longs([width])], [Int("axis", 0)]));
    }

    public string Column(string matrix, long index) =>
        Op("Gather", [matrix, Longs([index])], [Int("axis", 1)]);

    /// <summary>bool [N]: the text is one of the keys.</summary>
    public string Member(string x, string[] keys)
    {
        if (keys.Length == 0)
            return Never(Member(x, [""]));
        var known = Op("LabelEncoder", [x],
            [Strings("keys_strings", keys), Ints("values_int64s", keys.Select(_ => 1L).ToArray()), Int("default_int64", 0)], MlDomain);
        return Op("Equal", known, Longs([1]));
    }

    /// <summary>bool [N]: the number is one of the values.</summary>
    public string Member(string x, double[] values)
    {
        // An empty set: a reduction over no values would not be false (ReduceMax of nothing is the type's minimum).
        if (values.Length == 0)
            return Never(IsNaN(x));
        var matches = Op("Equal", Op("Unsqueeze", x, Longs([1])), Doubles(values, 1, values.Length));
        return Cast(Op("ReduceMax", [Cast(matches, TensorProto.Types.DataType.Int64)], [Ints("axes", 1), Int("keepdims", 0)]), TensorProto.Types.DataType.Bool);
    }

    /// <summary>bool [N], false everywhere, shaped like <paramref name="mask"/>.</summary>
    private string Never(string mask) => Op("Xor", mask, mask);
}
