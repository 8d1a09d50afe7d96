using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A NeuralNetwork whose inputs are compiled derived fields; the layers run the interpreter's loop over flat arrays in
/// workspace buffers, so both backends agree to the bit and a record allocates nothing.
/// </summary>
internal sealed class CompiledNeuralNetwork(NeuralNetworkPlan plan, int id, Func<RowContext, int, Value>?[] outputs, Func<int, int> reserve)
    : CompiledModel(plan, id, outputs)
{
    private readonly int _values = reserve(plan.ValueCount);
    private readonly int _probabilities = reserve(plan.Target.Categories.Length);

    protected override void Score(Workspace workspace, ModelResult result)
    {
        var values = workspace.Buffers[_values];
        if (NeuralNetworkInterpreter.Forward(plan, workspace.Row, values))
            NeuralNetworkInterpreter.Finish(plan, values, result, workspace.Buffers[_probabilities]);
    }
}
