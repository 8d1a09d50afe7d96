using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>A TextModel with its term vector and document similarities in workspace buffers.</summary>
internal sealed class CompiledTextModel(TextModelPlan plan, int id, Func<RowContext, int, Value>?[] outputs, Func<int, int> reserve)
    : CompiledModel(plan, id, outputs)
{
    private readonly int _vector = reserve(plan.Terms.Length);
    private readonly int _affinities = reserve(plan.Documents.Length);

    protected override void Score(Workspace workspace, ModelResult result) =>
        TextModelInterpreter.Score(plan, workspace.Row, result, workspace.Buffers[_vector], workspace.Buffers[_affinities]);
}
