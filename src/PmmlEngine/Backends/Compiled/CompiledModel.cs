using PmmlEngine.Backends;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A model ready to score: the family's compiled scoring, then the Targets and Output post-processing every backend
/// shares. Results live in the workspace, so scoring a record allocates nothing.
/// </summary>
internal abstract class CompiledModel(ModelPlan plan, int id, Func<RowContext, int, Value>?[] outputs)
{
    public ModelPlan Plan { get; } = plan;

    /// <summary>The index of this model's result in <see cref="Workspace.Results"/>.</summary>
    public int Id { get; } = id;

    public ModelResult Evaluate(Workspace workspace)
    {
        if (!StackGuard.HasRoom())
            return StackGuard.Continue(static s => s.Model.Evaluate(s.workspace), (Model: this, workspace), Plan.Element.Location);
        var result = workspace.Results[Id];
        result.Reset();
        Score(workspace, result);
        return Finish(workspace, result);
    }

    /// <summary>The Targets and Output post-processing of a result this model has scored.</summary>
    protected ModelResult Finish(Workspace workspace, ModelResult result)
    {
        ModelInterpreter.ApplyTargets(Plan, result);
        if (Plan.Outputs.Length > 0)
            OutputInterpreter.Write(Plan, result, workspace.Row, outputs);
        return result;
    }

    /// <summary>Per-thread state the model keeps between records (buffers sized by the model), or null.</summary>
    public virtual object? CreateState() => null;

    protected abstract void Score(Workspace workspace, ModelResult result);
}
