namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A way to find every tree's outcome without branching on the record, for records whose features the trees test are
/// all present numbers; an ensemble takes the cheaper of <see cref="PerfectLanes"/> and <see cref="LeafMasks"/>.
/// </summary>
internal interface IBranchFreeWalk
{
    /// <summary>Estimated nanoseconds per record, comparable between the two.</summary>
    double Cost { get; }

    /// <summary>
    /// Every tree's outcome for features that are all present numbers (penalties none, as no unknown edge is taken);
    /// false, with nothing written, when some feature the trees test is absent.
    /// </summary>
    bool TryWalk(ReadOnlySpan<double> features, Span<int> outcomes, Span<int> penalties);

    /// <summary>The cheaper walk of the trees, or null when neither applies.</summary>
    public static IBranchFreeWalk? For(FlatTree[] trees)
    {
        var perfect = PerfectLanes.TryCreate(trees);
        var masks = LeafMasks.TryCreate(trees);
        // Without the branch-free layout the lanes walk each tree, a step at a time and branching: at best as fast.
        var walk = perfect?.Cost ?? PerfectLanes.StepCost * trees.Sum(t => t.Depth);
        return masks is not null && masks.Cost < walk ? masks : perfect;
    }
}
