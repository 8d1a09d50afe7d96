using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>A GeneralRegressionModel over compiled inputs, its parameter vector and probabilities in workspace buffers.</summary>
internal sealed class CompiledGeneralRegression(GeneralRegressionPlan plan, int id, Func<RowContext, int, Value>?[] outputs, Func<int, int> reserve)
    : CompiledModel(plan, id, outputs)
{
    private readonly int _parameters = reserve(plan.Parameters.Length);
    private readonly int _probabilities = reserve(plan.Target.Categories.Length);

    protected override void Score(Workspace workspace, ModelResult result) =>
        GeneralRegressionInterpreter.Score(plan, workspace.Row, result, workspace.Buffers[_parameters], workspace.Buffers[_probabilities]);
}
