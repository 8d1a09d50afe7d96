using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>A GaussianProcessModel over compiled inputs, its input and kernel vectors in workspace buffers.</summary>
internal sealed class CompiledGaussianProcess(GaussianProcessPlan plan, int id, Func<RowContext, int, Value>?[] outputs, Func<int, int> reserve)
    : CompiledModel(plan, id, outputs)
{
    private readonly int _inputs = reserve(plan.InputSlots.Length);
    private readonly int _kernel = reserve(plan.Instances.Length);

    protected override void Score(Workspace workspace, ModelResult result) =>
        GaussianProcessInterpreter.Score(plan, workspace.Row, result, workspace.Buffers[_inputs], workspace.Buffers[_kernel]);
}
