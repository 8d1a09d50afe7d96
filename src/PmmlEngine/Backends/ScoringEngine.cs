using PmmlEngine.Backends.Interpreter;

namespace PmmlEngine.Backends;

/// <summary>Scores the top model of a record whose inputs are already in the workspace's slots.</summary>
internal abstract class ScoringEngine
{
    public abstract Workspace CreateWorkspace();

    public abstract ModelResult Run(Workspace workspace);
}
