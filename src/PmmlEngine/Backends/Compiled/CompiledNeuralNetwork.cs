using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A NeuralNetwork whose inputs are compiled derived fields. Fully connected layers run as <see cref="DenseLayer"/>s,
/// the others neuron by neuron as the interpreter does; both give the interpreter's values to the bit, in workspace
/// buffers, so a record allocates nothing.
/// </summary>
internal sealed class CompiledNeuralNetwork : CompiledModel
{
    private readonly NeuralNetworkPlan _plan;
    private readonly DenseLayer?[] _dense;
    private readonly int _values;
    private readonly int _sums;
    private readonly int _probabilities;

    public CompiledNeuralNetwork(NeuralNetworkPlan plan, int id, Func<RowContext, int, Value>?[] outputs, Func<int, int> reserve)
        : base(plan, id, outputs)
    {
        _plan = plan;
        _dense = plan.Layers.Select(layer =>
            DenseLayer.TryCreate(layer, plan.Neurons.AsSpan(layer.First - plan.InputSlots.Length, layer.Count).ToArray())).ToArray();
        _values = reserve(plan.ValueCount);
        _sums = reserve(_dense.Max(d => d?.Width ?? 0));
        _probabilities = reserve(plan.Target.Categories.Length);
    }

    protected override void Score(Workspace workspace, ModelResult result)
    {
        var values = workspace.Buffers[_values];
        if (!NeuralNetworkInterpreter.ReadInputs(_plan, workspace.Row, values))
            return;
        for (var l = 0; l < _plan.Layers.Length; l++)
        {
            var layer = _plan.Layers[l];
            if (_dense[l] is { } dense)
                dense.Activate(values, workspace.Buffers[_sums]);
            else
                NeuralNetworkInterpreter.Activate(_plan, layer, values);
            NeuralNetworkInterpreter.Normalize(layer, values.AsSpan(layer.First, layer.Count));
        }
        NeuralNetworkInterpreter.Finish(_plan, values, result, workspace.Buffers[_probabilities]);
    }
}
