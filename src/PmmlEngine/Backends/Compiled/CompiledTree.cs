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
        if (Tree.Outcomes[outcome] is { } node)
            TreeInterpreter.Leaf(Tree.Plan, node, result, penalties, Tree.OutcomeCertainties[outcome]);
    }
}
