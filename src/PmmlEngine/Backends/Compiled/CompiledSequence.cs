using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>A SequenceModel with its record's transactions in a per-thread match.</summary>
internal sealed class CompiledSequence(SequencePlan plan, int id, Func<RowContext, int, Value>?[] outputs) : CompiledModel(plan, id, outputs)
{
    public override object CreateState() => new SequenceMatch(plan);

    protected override void Score(Workspace workspace, ModelResult result) =>
        SequenceInterpreter.Score(workspace.Row, result, (SequenceMatch)workspace.States[Id]!);
}
