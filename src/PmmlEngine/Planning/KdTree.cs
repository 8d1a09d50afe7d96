namespace PmmlEngine.Planning;

/// <summary>
/// A k-d tree over training points: each inner node splits its points at the median of the axis with the widest spread
/// (left ≤ split ≤ right); leaves hold a range of <see cref="Order"/>. Built once at load, read by many threads.
/// </summary>
public sealed class KdTree
{
    private const int LeafSize = 16;

    private readonly List<int> _axis = [], _left = [], _right = [], _start = [], _count = [];
    private readonly List<double> _split = [];

    /// <summary>Instance indices; a leaf's instances are Order[Start .. Start + Count).</summary>
    public int[] Order { get; }

    public KdTree(double[][] points, int dimensions)
    {
        Order = Enumerable.Range(0, points.Length).ToArray();
        // Iterative, so a degenerate data set cannot exhaust the stack: (node, start, count).
        var root = NewNode();
        var pending = new Stack<(int Node, int Start, int Count)>();
        pending.Push((root, 0, points.Length));
        while (pending.Count > 0)
        {
            var (node, start, count) = pending.Pop();
            _start[node] = start;
            _count[node] = count;
            var axis = count <= LeafSize ? -1 : WidestAxis(points, start, count, dimensions);
            if (axis < 0)
                continue;
            Array.Sort(Order, start, count, Comparer<int>.Create((a, b) => points[a][axis].CompareTo(points[b][axis]) is var c and not 0 ? c : a.CompareTo(b)));
            var middle = start + count / 2;
            _axis[node] = axis;
            _split[node] = points[Order[middle]][axis];
            var left = NewNode();
            var right = NewNode();
            _left[node] = left;
            _right[node] = right;
            pending.Push((left, start, middle - start));
            pending.Push((right, middle, start + count - middle));
        }
    }

    /// <summary>The root is the first node built.</summary>
    public const int Root = 0;

    public bool IsLeaf(int node) => _axis[node] < 0;
    public int Axis(int node) => _axis[node];
    public double Split(int node) => _split[node];
    public int Left(int node) => _left[node];
    public int Right(int node) => _right[node];
    public int Start(int node) => _start[node];
    public int Count(int node) => _count[node];

    /// <summary>The depth bound a search stack needs: two entries per level.</summary>
    public int Depth { get; private set; }

    private int NewNode()
    {
        _axis.Add(-1);
        _split.Add(0);
        _left.Add(-1);
        _right.Add(-1);
        _start.Add(0);
        _count.Add(0);
        Depth = (int)Math.Ceiling(Math.Log2(_axis.Count + 1)) + 1;
        return _axis.Count - 1;
    }

    private int WidestAxis(double[][] points, int start, int count, int dimensions)
    {
        var (best, widest) = (-1, 0.0);
        for (var d = 0; d < dimensions; d++)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (var i = start; i < start + count; i++)
            {
                min = Math.Min(min, points[Order[i]][d]);
                max = Math.Max(max, points[Order[i]][d]);
            }
            if (max - min > widest)
                (best, widest) = (d, max - min);
        }
        return best;
    }
}
