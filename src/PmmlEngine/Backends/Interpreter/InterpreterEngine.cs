using PmmlEngine.Backends;
using PmmlEngine.Planning;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>The reference semantics: every record walks the plan directly.</summary>
internal sealed class InterpreterEngine(DocumentPlan plan) : ScoringEngine
{
    public override Workspace CreateWorkspace() => new(plan, null, [], []);

    public override ModelResult Run(Workspace workspace) => ModelInterpreter.Evaluate(plan.Model, workspace.Row);
}
