using PmmlEngine.Backends;
using PmmlEngine.Backends.Interpreter;

namespace PmmlEngine.Backends.Compiled;

/// <summary>Scores with the compiled document; parts it could not compile run the interpreter on the same slots.</summary>
internal sealed class CompiledEngine(CompiledDocument document) : ScoringEngine
{
    public CompiledDocument Document { get; } = document;

    public override Workspace CreateWorkspace() => Document.CreateWorkspace();

    public override ModelResult Run(Workspace workspace) => Document.Top.Evaluate(workspace);
}
