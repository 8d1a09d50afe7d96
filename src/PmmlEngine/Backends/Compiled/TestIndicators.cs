using System.Runtime.InteropServices;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// The columns of a packed group after the features, which answer what a feature's key alone does not:
/// <list type="bullet">
/// <item>each other test that no bit column below answers (float32 equalities, equalities with other numbers, sets of
/// numbers, category sets too wide for one word, missing-value checks) as a column of its own, 0 where the test holds
/// and 1 where it does not, so that the packed tree asks "indicator ≤ 0" like any "x ≤ t";</item>
/// <item>where rows with missing values are packed (<see cref="MissingValues"/>), a feature's key with a missing value
/// above every threshold, for the "x ≤ t" tests that send a missing value to their false edge. A feature's own column
/// holds a missing value below every threshold, which is where the tests that send it to their true edge want it;</item>
/// <item>for a feature whose set tests (LightGBM's and XGBoost's category sets, equalities with a category code or
/// another whole number, sets of one, and ranges on a feature that holds whole numbers, sets of the numbers within them)
/// all fall within 63 consecutive whole numbers from 0 up, one column of its value as a single bit
/// (<see cref="MaskOf"/>), which every such test on it masks with its members: one column instead of one per distinct
/// set, of which an XGBoost forest has hundreds.</item>
/// </list>
/// A block's columns are computed once per row, before the trees are walked; tests that ask the same of the same feature,
/// and send a missing value the same way, share one.
/// </summary>
internal sealed class TestIndicators
{
    // The widest set a one-word mask holds: bit 63 would make the masked key negative, below the threshold 0.
    private const int MaskBits = 63;

    private readonly List<Column> _columns = [];
    private readonly Dictionary<string, int> _byMeaning = [];
    // Per feature, the whole number whose bit is bit 0 of its set masks, or null where its sets do not fit one word.
    private readonly int?[] _origins;

    /// <param name="width">The feature vector's width: column k is feature <paramref name="width"/> + k.</param>
    /// <param name="missingValues">Whether rows with missing values are packed (see <see cref="MissingValues"/>).</param>
    /// <param name="forest">The trees to be packed, whose set tests are masked where they fit (see <see cref="MaskOf"/>); without it every set test gets an indicator.</param>
    public TestIndicators(int width, bool missingValues = false, IReadOnlyList<FlatTree>? forest = null)
    {
        Width = width;
        MissingValues = missingValues;
        _origins = new int?[width];
        var low = new int[width].AsSpan();
        var high = new int[width].AsSpan();
        low.Fill(int.MaxValue);
        high.Fill(-1);
        foreach (var tree in forest ?? [])
        {
            foreach (var test in tree.Tests.Where(t => IsSet(tree, t)))
            {
                foreach (var member in Members(tree, test))
                {
                    low[test.Feature] = Math.Min(low[test.Feature], member);
                    high[test.Feature] = Math.Max(high[test.Feature], member);
                }
            }
        }
        for (var f = 0; f < width; f++)
            _origins[f] = high[f] >= 0 && high[f] - low[f] < MaskBits ? low[f] : null;
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

    /// <summary>
    /// For a set test whose feature's sets fit one word: the column holding each row's value as a single bit (none for a
    /// value no set can hold, every bit or none for a missing value, as the test's unknown edge asks) and the test's
    /// members as a mask, so that "(column &amp; mask) &gt; 0" is membership. Null for any other test.
    /// </summary>
    public (int Column, long Mask)? MaskOf(FlatTree tree, in TreeTest test)
    {
        if (!IsSet(tree, test) || _origins[test.Feature] is not { } origin)
            return null;
        var mask = 0L;
        foreach (var member in Members(tree, test))
            mask |= 1L << (member - origin);
        // A missing value is a member of every set (all bits) where the test sends it to its true edge, else of none.
        var ifMissing = MissingValues && test.OnUnknown == test.OnTrue ? -1L : 0L;
        return (Add($"bit {test.Feature} unknown {ifMissing}", new Column(ColumnKind.Bit, null, test, ifMissing, origin)), mask);
    }

    // An equality with a whole number from 0 up is a set of one, and so is a range on a feature that holds whole numbers
    // (XGBoost's float32 equalities on integer categories, [n − ε, n + ε]) of the whole numbers within it; origins stay
    // at 0 or above, so that for a value at or above its origin "value − origin" is exact, and below it negative (Bit).
    private static bool IsSet(FlatTree tree, in TreeTest test) => test.Op switch
    {
        TestOp.InSet => true,
        TestOp.Equal => IsMember(test.Threshold),
        TestOp.InRange => tree.Features.HoldsWholeNumbers(test.Feature) && Math.Ceiling(test.Low) is var low && Math.Floor(test.Threshold) is var high
            && IsMember(low) && IsMember(high) && low <= high && high - low < MaskBits,
        _ => false,
    };

    private static bool IsMember(double x) => x >= 0 && x < int.MaxValue && x == Math.Floor(x);

    private static List<int> Members(FlatTree tree, in TreeTest test) => test.Op switch
    {
        TestOp.Equal => [(int)test.Threshold],
        TestOp.InRange => [.. Enumerable.Range((int)Math.Ceiling(test.Low), (int)Math.Floor(test.Threshold) - (int)Math.Ceiling(test.Low) + 1)],
        _ => tree.SetMembers(test),
    };

    /// <summary>The column that answers <paramref name="test"/> of <paramref name="tree"/>, adding one if no test asked it before.</summary>
    public int FeatureOf(FlatTree tree, in TreeTest test)
    {
        if (test.Op == TestOp.LessOrEqual)
        {
            // A missing value's key in the feature's own column is below every threshold: "x ≤ t" holds.
            return MissingValues && test.OnUnknown != test.OnTrue ? Add($"above {test.Feature}", new Column(ColumnKind.Above, null, test, long.MaxValue, 0)) : test.Feature;
        }
        var meaning = test.Op switch
        {
            TestOp.InSet => $"set {test.Feature} {string.Join(',', tree.Bitsets.AsSpan(test.Aux, (int)test.Threshold).ToArray())}",
            TestOp.InValues => $"values {test.Feature} {string.Join(',', tree.Numbers.AsSpan(test.Aux, (int)test.Threshold).ToArray().Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}",
            TestOp.IsMissing => $"missing {test.Feature}",
            _ => FormattableString.Invariant($"interval {test.Feature} {test.Low:R} {test.Threshold:R}"),
        };
        var ifMissing = MissingValues && test.Op != TestOp.IsMissing && test.OnUnknown != test.OnTrue ? 1 : 0;
        return Add($"{meaning} unknown {ifMissing}", new Column(ColumnKind.Indicator, tree, test, ifMissing, 0));
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
    /// (<see cref="PackedTree.Group"/>), after the features, whose keys must already be there.
    /// </summary>
    public void Fill(ReadOnlySpan<double> row, Span<long> group, int lane)
    {
        var columns = CollectionsMarshal.AsSpan(_columns);
        for (var k = 0; k < columns.Length; k++)
        {
            ref readonly var column = ref columns[k];
            var x = row[column.Test.Feature];
            group[(Width + k) * PackedTree.Lanes + lane] = double.IsNaN(x) && column.Test.Op != TestOp.IsMissing ? column.IfMissing : column.Kind switch
            {
                // A present value's key, already in the feature's own column of the group.
                ColumnKind.Above => group[column.Test.Feature * PackedTree.Lanes + lane],
                ColumnKind.Bit => Bit(x - column.Origin),
                _ => Indicator(column, x),
            };
        }
    }

    // Membership as InSet and equality ask it: a whole number within the word, else no member of any set.
    private static long Bit(double member) => member >= 0 && member < MaskBits && member == Math.Floor(member) ? 1L << (int)member : 0;

    private static long Indicator(in Column column, double x)
    {
        if (column.Test.Op == TestOp.IsMissing)
            return Features.IsMissing(x) ? 0 : 1;
        // Intervals (most of these tests) inline and without a branch; sets through the tree that holds them.
        var holds = column.Test.IsInterval ? (x >= column.Test.Low) & (x <= column.Test.Threshold) : column.Tree!.HoldsFor(column.Test, x);
        return holds ? 0 : 1;
    }

    private enum ColumnKind : byte
    {
        /// <summary>0 where the test holds, else 1; with the tree whose sets and numbers it reads.</summary>
        Indicator,
        /// <summary>The feature's key, a missing value above every threshold.</summary>
        Above,
        /// <summary>The feature's value as one bit, counted from <see cref="Column.Origin"/>.</summary>
        Bit,
    }

    /// <summary>A column: its kind, the test that made it, its value for a missing value, and a bit column's origin.</summary>
    private readonly record struct Column(ColumnKind Kind, FlatTree? Tree, TreeTest Test, long IfMissing, int Origin);
}
