using System.Runtime.InteropServices;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// The tests of an ensemble's trees other than "x ≤ t" (equalities on category codes, float32 equalities, sets of
/// categories or numbers, missing-value checks), each made a feature of its own for the packed batch kernel: 0 where
/// the test holds and 1 where it does not, so that the packed tree asks "indicator ≤ 0" and every test is a compare.
/// A block's indicators are computed once per row, before the trees are walked; tests that ask the same of the same
/// feature share one. Only for rows with every feature present, where no test is unknown.
/// </summary>
internal sealed class TestIndicators
{
    private readonly List<(FlatTree Tree, TreeTest Test)> _tests = [];
    private readonly Dictionary<string, int> _byMeaning = [];

    /// <param name="width">The feature vector's width: indicator k is feature <paramref name="width"/> + k.</param>
    public TestIndicators(int width) => Width = width;

    public int Width { get; }

    public int Count => _tests.Count;

    /// <summary>The feature that answers <paramref name="test"/> of <paramref name="tree"/>, adding one if no test asked it before.</summary>
    public int FeatureOf(FlatTree tree, in TreeTest test)
    {
        var meaning = test.Op switch
        {
            TestOp.InSet => $"set {test.Feature} {string.Join(',', tree.Bitsets.AsSpan(test.Aux, (int)test.Threshold).ToArray())}",
            TestOp.InValues => $"values {test.Feature} {string.Join(',', tree.Numbers.AsSpan(test.Aux, (int)test.Threshold).ToArray().Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}",
            TestOp.IsMissing => $"missing {test.Feature}",
            _ => FormattableString.Invariant($"interval {test.Feature} {test.Low:R} {test.Threshold:R}"),
        };
        if (!_byMeaning.TryGetValue(meaning, out var index))
        {
            index = _tests.Count;
            _tests.Add((tree, test));
            _byMeaning.Add(meaning, index);
        }
        return Width + index;
    }

    /// <summary>
    /// Writes the indicators of one row whose features (all present) are <paramref name="row"/> into its lane of a group
    /// (<see cref="PackedTree.Group"/>), after the features: 0 where the test holds, else 1; a packed test compares
    /// them with 0.
    /// </summary>
    public void Fill(ReadOnlySpan<double> row, Span<long> group, int lane)
    {
        var tests = CollectionsMarshal.AsSpan(_tests);
        for (var k = 0; k < tests.Length; k++)
        {
            ref readonly var entry = ref tests[k];
            var x = row[entry.Test.Feature];
            // Intervals (most of these tests) inline and without a branch; sets through the tree that holds them.
            var holds = entry.Test.IsInterval ? (x >= entry.Test.Low) & (x <= entry.Test.Threshold) : entry.Tree.HoldsFor(entry.Test, x);
            group[(Width + k) * PackedTree.Lanes + lane] = holds ? 0 : 1;
        }
    }
}
