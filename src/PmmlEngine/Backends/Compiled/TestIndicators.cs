using System.Runtime.InteropServices;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// The columns of a packed group after the features, which answer what a feature's key alone does not:
/// <list type="bullet">
/// <item>each test other than "x ≤ t" (equalities on category codes, float32 equalities, sets of categories or numbers,
/// missing-value checks) as a column of its own, 0 where the test holds and 1 where it does not, so that the packed tree
/// asks "indicator ≤ 0" and every test is a compare;</item>
/// <item>where rows with missing values are packed (<see cref="MissingValues"/>), a feature's key with a missing value
/// above every threshold, for the "x ≤ t" tests that send a missing value to their false edge. A feature's own column
/// holds a missing value below every threshold, which is where the tests that send it to their true edge want it.</item>
/// </list>
/// A block's columns are computed once per row, before the trees are walked; tests that ask the same of the same feature,
/// and send a missing value the same way, share one.
/// </summary>
internal sealed class TestIndicators
{
    private readonly List<Column> _columns = [];
    private readonly Dictionary<string, int> _byMeaning = [];

    /// <param name="width">The feature vector's width: column k is feature <paramref name="width"/> + k.</param>
    /// <param name="missingValues">Whether rows with missing values are packed (see <see cref="MissingValues"/>).</param>
    public TestIndicators(int width, bool missingValues = false)
    {
        Width = width;
        MissingValues = missingValues;
    }

    public int Width { get; }

    public int Count => _columns.Count;

    /// <summary>
    /// Whether rows with missing values are packed too: every test of the trees sends a missing (or invalid) value to its
    /// true or its false edge (<see cref="SendsMissingAlongAnEdge"/>), which its columns then encode. Otherwise only rows
    /// with every feature present are packed, and a missing value's column is never read.
    /// </summary>
    public bool MissingValues { get; }

    /// <summary>
    /// Whether every test of <paramref name="tree"/> sends an unknown value to its true or its false edge, rather than to
    /// an outcome of its own (the last or a null prediction): the packed walk has two ways out of each test.
    /// </summary>
    public static bool SendsMissingAlongAnEdge(FlatTree tree) =>
        tree.Tests.All(t => t.Op == TestOp.IsMissing || t.OnUnknown == t.OnTrue || t.OnUnknown == t.OnFalse);

    /// <summary>The column that answers <paramref name="test"/> of <paramref name="tree"/>, adding one if no test asked it before.</summary>
    public int FeatureOf(FlatTree tree, in TreeTest test)
    {
        if (test.Op == TestOp.LessOrEqual)
        {
            // A missing value's key in the feature's own column is below every threshold: "x ≤ t" holds.
            return MissingValues && test.OnUnknown != test.OnTrue ? Add($"above {test.Feature}", new Column(null, test, long.MaxValue)) : test.Feature;
        }
        var meaning = test.Op switch
        {
            TestOp.InSet => $"set {test.Feature} {string.Join(',', tree.Bitsets.AsSpan(test.Aux, (int)test.Threshold).ToArray())}",
            TestOp.InValues => $"values {test.Feature} {string.Join(',', tree.Numbers.AsSpan(test.Aux, (int)test.Threshold).ToArray().Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}",
            TestOp.IsMissing => $"missing {test.Feature}",
            _ => FormattableString.Invariant($"interval {test.Feature} {test.Low:R} {test.Threshold:R}"),
        };
        var ifMissing = MissingValues && test.Op != TestOp.IsMissing && test.OnUnknown != test.OnTrue ? 1 : 0;
        return Add($"{meaning} unknown {ifMissing}", new Column(tree, test, ifMissing));
    }

    private int Add(string meaning, Column column)
    {
        if (!_byMeaning.TryGetValue(meaning, out var index))
        {
            index = _columns.Count;
            _columns.Add(column);
            _byMeaning.Add(meaning, index);
        }
        return Width + index;
    }

    /// <summary>
    /// Writes the columns of one row, whose features are <paramref name="row"/>, into its lane of a group
    /// (<see cref="PackedTree.Group"/>), after the features.
    /// </summary>
    public void Fill(ReadOnlySpan<double> row, Span<long> group, int lane)
    {
        var columns = CollectionsMarshal.AsSpan(_columns);
        for (var k = 0; k < columns.Length; k++)
        {
            ref readonly var column = ref columns[k];
            var x = row[column.Test.Feature];
            group[(Width + k) * PackedTree.Lanes + lane] = column.Tree is null ? Above(x, column.IfMissing) : Indicator(column, x);
        }
    }

    private static long Above(double x, long ifMissing) => double.IsNaN(x) ? ifMissing : PackedTree.Key(x);

    private static long Indicator(in Column column, double x)
    {
        if (column.Test.Op == TestOp.IsMissing)
            return Features.IsMissing(x) ? 0 : 1;
        if (double.IsNaN(x))
            return column.IfMissing;
        // Intervals (most of these tests) inline and without a branch; sets through the tree that holds them.
        var holds = column.Test.IsInterval ? (x >= column.Test.Low) & (x <= column.Test.Threshold) : column.Tree!.HoldsFor(column.Test, x);
        return holds ? 0 : 1;
    }

    /// <summary>A column: a test's indicator (with the tree whose sets it reads), or a feature above (no tree).</summary>
    private readonly record struct Column(FlatTree? Tree, TreeTest Test, long IfMissing);
}
