using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>A BaselineModel over its compiled input: the statistic is a single pass over the value or sequence.</summary>
internal sealed class CompiledBaseline(BaselinePlan plan, int id, Func<RowContext, int, Value>?[] outputs) : CompiledModel(plan, id, outputs)
{
    protected override void Score(Workspace workspace, ModelResult result) =>
        BaselineInterpreter.Score(plan, workspace.Row, result);
}
