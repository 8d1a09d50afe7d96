using PmmlEngine.Backends;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A model the compiler left to the interpreter (the reason is in <see cref="CompiledDocument.Fallbacks"/>); it shares
/// the record's slots with compiled code.
/// </summary>
internal sealed class InterpretedModel(ModelPlan plan, int id, Func<RowContext, int, Value>?[] outputs) : CompiledModel(plan, id, outputs)
{
    protected override void Score(Workspace workspace, ModelResult result)
    {
        var scored = ModelInterpreter.Score(Plan, workspace.Row);
        result.Predicted = scored.Predicted;
        result.Probabilities = scored.Probabilities;
        result.Confidences = scored.Confidences;
        result.EntityId = scored.EntityId;
        result.Warnings = scored.Warnings;
    }
}
