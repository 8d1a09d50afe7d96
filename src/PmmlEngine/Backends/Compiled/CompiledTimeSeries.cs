using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>A TimeSeriesModel: the forecast depends on the horizon alone, so there is nothing further to compile.</summary>
internal sealed class CompiledTimeSeries(TimeSeriesPlan plan, int id, Func<RowContext, int, Value>?[] outputs) : CompiledModel(plan, id, outputs)
{
    protected override void Score(Workspace workspace, ModelResult result) => TimeSeriesInterpreter.Score(plan, workspace.Row, result);
}
