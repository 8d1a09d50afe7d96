using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// Per-thread buffers of a nearest-neighbour search: the record's inputs, the k best instances so far ordered by
/// (inner distance, instance index), and the k-d tree's pending nodes.
/// </summary>
internal sealed class NeighborSearch(NearestNeighborPlan plan)
{
    private readonly Value[] _x = new Value[plan.Inputs.Length];
    private readonly double[] _numbers = new double[plan.Inputs.Length];
    private readonly (int Node, double Bound)[] _pending = new (int, double)[2 * (plan.Index?.Depth ?? 0) + 2];
    private int _count;

    public int[] Best { get; } = new int[plan.K];
    public double[] Inner { get; } = new double[plan.K];
    public double[] Distances { get; } = new double[plan.K];
    public string[] Ids { get; } = new string[plan.K];
    public double[] Votes { get; } = new double[Math.Max(plan.K, plan.Target.Categories.Length)];

    /// <summary>The vote shares a classification reports, reused from record to record.</summary>
    public double[] Probabilities { get; } = new double[plan.Target.Categories.Length];

    /// <summary>
    /// Finds the k nearest instances; false when every input is missing. The tree only skips subtrees whose bound
    /// exceeds the k-th best, so it finds exactly what a linear scan finds, ties included.
    /// </summary>
    public bool Find(RowContext row, out double adjustment)
    {
        var present = 0;
        for (var i = 0; i < _x.Length; i++)
        {
            _x[i] = row.Get(plan.Inputs[i].Slot);
            _numbers[i] = _x[i].TryGetNumber(out var number) ? number : double.NaN;
            if (!_x[i].IsMissing)
                present++;
        }
        adjustment = present == 0 ? double.NaN : (double)_x.Length / present;
        if (present == 0)
            return false;
        _count = 0;
        if (plan.Index is { } tree)
            SearchTree(tree);
        else
            for (var instance = 0; instance < plan.Points.Length; instance++)
                Offer(instance);
        return true;
    }

    private void SearchTree(KdTree tree)
    {
        var top = 0;
        _pending[top++] = (KdTree.Root, 0.0);
        while (top > 0)
        {
            var (node, bound) = _pending[--top];
            if (_count == Best.Length && bound > Inner[_count - 1])
                continue;
            if (tree.IsLeaf(node))
            {
                for (var i = tree.Start(node); i < tree.Start(node) + tree.Count(node); i++)
                    Offer(tree.Order[i]);
                continue;
            }
            var axis = tree.Axis(node);
            var x = _numbers[axis];
            if (double.IsNaN(x))
            {
                // A missing coordinate bounds nothing along its axis.
                _pending[top++] = (tree.Right(node), bound);
                _pending[top++] = (tree.Left(node), bound);
                continue;
            }
            var difference = x - tree.Split(node);
            var (near, far) = difference <= 0 ? (tree.Left(node), tree.Right(node)) : (tree.Right(node), tree.Left(node));
            _pending[top++] = (far, Math.Max(bound, ComparisonMath.Term(plan.Inputs[axis].Weight, Math.Abs(difference), plan.Power)));
            _pending[top++] = (near, bound);
        }
    }

    private void Offer(int instance)
    {
        var inner = InnerDistance(instance);
        if (_count == Best.Length && (inner > Inner[_count - 1] || inner == Inner[_count - 1] && instance > Best[_count - 1]))
            return;
        var i = _count == Best.Length ? _count - 1 : _count++;
        while (i > 0 && (Inner[i - 1] > inner || Inner[i - 1] == inner && Best[i - 1] > instance))
        {
            Inner[i] = Inner[i - 1];
            Best[i] = Best[i - 1];
            i--;
        }
        Inner[i] = inner;
        Best[i] = instance;
    }

    /// <summary>The inner distance to an instance; for a similarity measure its negation, so smaller is closer either way.</summary>
    private double Similarity(int instance)
    {
        var counts = new BinaryCounts();
        for (var i = 0; i < _x.Length; i++)
            if (!double.IsNaN(_numbers[i]))
                counts.Add(_numbers[i] != 0, plan.Points[instance][i] != 0);
        return counts.Similarity(plan.Measure);
    }

    private double InnerDistance(int instance)
    {
        if (plan.Similarity)
            return -Similarity(instance);
        var measure = plan.Measure.Measure;
        var inner = 0.0;
        for (var i = 0; i < _x.Length; i++)
        {
            if (_x[i].IsMissing)
                continue;
            var input = plan.Inputs[i];
            double c;
            if (input.Numeric)
                c = ComparisonMath.Numeric(input.Compare, _numbers[i], plan.Points[instance][i], 1.0);
            else
                c = _x[i].Equals(plan.Cells[instance][i]) == (input.Compare == CompareFunction.Equal) ? 1.0 : 0.0;
            inner = ComparisonMath.Combine(measure, inner, ComparisonMath.Term(input.Weight, c, plan.Power));
        }
        return inner;
    }
}
