using PmmlEngine.Backends;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A flattened tree. <see cref="OwnsFeatures"/> says whether it loads its feature vector itself or an enclosing ensemble
/// loaded one vector for all of its trees.
/// </summary>
internal sealed class CompiledTree(TreePlan plan, int id, Func<RowContext, int, Value>?[] outputs, FlatTree tree, int featureBuffer, bool ownsFeatures)
    : CompiledModel(plan, id, outputs)
{
    public FlatTree Tree { get; } = tree;
    public bool OwnsFeatures { get; } = ownsFeatures;

    protected override void Score(Workspace workspace, ModelResult result)
    {
        var features = workspace.Buffers[featureBuffer];
        if (OwnsFeatures)
            FeatureMap.Clear(features);
        var outcome = Tree.Walk(features, workspace.Row, out var penalties);
        Score(result, outcome, penalties);
    }

    /// <summary>Evaluates the tree at an outcome its ensemble's walk already found (see <see cref="TreeLanes"/>).</summary>
    public ModelResult Evaluate(Workspace workspace, int outcome, int penalties)
    {
        var result = workspace.Results[Id];
        result.Reset();
        Score(result, outcome, penalties);
        return Finish(workspace, result);
    }

    /// <summary>
    /// The result at an outcome, scored once and then shared, for an ensemble that reads nothing of its trees' results
    /// but predictions and distributions (the penalties of unknown edges only lower confidences).
    /// </summary>
    public ModelResult OutcomeResult(int outcome)
    {
        if (_outcomeResults[outcome] is { } shared)
            return shared;
        // Two threads may both score an outcome first: they build equal results, and the first one published stays.
        var scored = ScoreOutcome(outcome, new ModelResult(Plan.Target));
        return Interlocked.CompareExchange(ref _outcomeResults[outcome], scored, null) ?? scored;
    }

    /// <summary>Scores the result at an outcome, as <see cref="OutcomeResult"/> shares it, into a caller's result.</summary>
    public ModelResult ScoreOutcome(int outcome, ModelResult result)
    {
        result.Reset();
        Score(result, outcome, 0);
        ModelInterpreter.ApplyTargets(Plan, result);
        return result;
    }

    private readonly ModelResult?[] _outcomeResults = new ModelResult?[tree.Outcomes.Length];

    private void Score(ModelResult result, int outcome, int penalties)
    {
        if (Tree.Outcomes[outcome] is { } node)
            TreeInterpreter.Leaf(Tree.Plan, node, result, penalties, Tree.OutcomeCertainties[outcome]);
    }
}
