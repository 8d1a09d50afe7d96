using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>A NaiveBayesModel over compiled (binned) inputs, its log-probability sums in a workspace buffer.</summary>
internal sealed class CompiledNaiveBayes(NaiveBayesPlan plan, int id, Func<RowContext, int, Value>?[] outputs, Func<int, int> reserve)
    : CompiledModel(plan, id, outputs)
{
    private readonly int _logs = reserve(plan.LogPriors.Length);

    protected override void Score(Workspace workspace, ModelResult result) =>
        NaiveBayesInterpreter.Score(plan, workspace.Row, result, workspace.Buffers[_logs]);
}
