using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A SupportVectorMachineModel scored by the interpreter's kernel loops over compiled inputs, with the input vector,
/// kernel values and votes in workspace buffers so a record allocates nothing.
/// </summary>
internal sealed class CompiledSupportVectorMachine(SupportVectorMachinePlan plan, int id, Func<RowContext, int, Value>?[] outputs, Func<int, int> reserve)
    : CompiledModel(plan, id, outputs)
{
    private readonly int _inputs = reserve(plan.Inputs.Length);
    private readonly int _kernels = reserve(plan.Vectors.Length);
    private readonly int _tally = reserve(Math.Max(plan.Target.Categories.Length, plan.Machines.Length));

    protected override void Score(Workspace workspace, ModelResult result) =>
        SupportVectorMachineInterpreter.Score(plan, workspace.Row, result, workspace.Buffers[_inputs], workspace.Buffers[_kernels], workspace.Buffers[_tally]);
}
