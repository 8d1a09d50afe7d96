using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>An AnomalyDetectionModel around its compiled inner model.</summary>
internal sealed class CompiledAnomalyDetection(AnomalyDetectionPlan plan, int id, Func<RowContext, int, Value>?[] outputs, CompiledModel inner)
    : CompiledModel(plan, id, outputs)
{
    protected override void Score(Workspace workspace, ModelResult result) =>
        AnomalyDetectionInterpreter.Finish(plan, inner.Evaluate(workspace), result);
}
