using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Support;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// Flattens a planned tree into <see cref="TreeTest"/> chains, children before parents so every edge's target exists when
/// it is written. Comparisons the feature vector can answer become typed tests; the rest become compiled predicates.
/// </summary>
internal sealed class FlatTreeBuilder
{
    private readonly TreePlan _tree;
    private readonly FeatureMap _features;
    private readonly DocumentPlan _document;
    private readonly ArrayBuilder<TreeTest> _tests = new();
    private readonly List<TreeNodePlan?> _outcomes = [null];
    private readonly Dictionary<TreeNodePlan, int> _outcomeIndex = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TreeNodePlan, int> _entries = new(ReferenceEqualityComparer.Instance);
    private readonly ArrayBuilder<ulong> _bitsets = new();
    private readonly ArrayBuilder<double> _numbers = new();
    private readonly List<PredicatePlan> _generic = [];
    private readonly Action<string> _fallback;

    private FlatTreeBuilder(TreePlan tree, FeatureMap features, DocumentPlan document, Action<string> fallback)
    {
        _fallback = fallback;
        _tree = tree;
        _features = features;
        _document = document;
    }

    private const int NoPrediction = ~0;

    /// <summary>Flattens the tree, or says why it cannot be flattened.</summary>
    public static FlatTree? TryBuild(TreePlan tree, FeatureMap features, DocumentPlan document, Action<string> fallback, out string? reason)
    {
        if (tree.MissingValueStrategy is MissingValueStrategy.WeightedConfidence or MissingValueStrategy.AggregateNodes)
        {
            reason = $"missingValueStrategy {tree.MissingValueStrategy} follows several branches at once";
            return null;
        }
        reason = null;
        return new FlatTreeBuilder(tree, features, document, fallback).Build();
    }

    private FlatTree Build()
    {
        var preorder = new List<TreeNodePlan>();
        var pending = new Stack<TreeNodePlan>();
        pending.Push(_tree.Root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            preorder.Add(node);
            foreach (var child in node.Children)
                pending.Push(child);
        }
        for (var i = preorder.Count - 1; i >= 0; i--)
            _entries[preorder[i]] = Chain(preorder[i]);

        var root = _tree.Root;
        var strategy = _tree.MissingValueStrategy;
        var start = root.Predicate is ConstantPredicatePlan { Value: var always }
            ? always ? _entries[root] : NoPrediction
            : Test(root.Predicate, _entries[root], NoPrediction,
                strategy is MissingValueStrategy.None or MissingValueStrategy.NullPrediction ? NoPrediction : _entries[root], false);

        var classification = _tree.Function == MiningFunction.Classification;
        var categories = _tree.Target.Categories.Length;
        return new FlatTree
        {
            Plan = _tree,
            Tests = _tests.ToArray(),
            Start = start,
            Outcomes = _outcomes.ToArray(),
            OutcomeScores = _outcomes.Select(o => o is not null && o.Score.TryGetNumber(out var s) ? s : double.NaN).ToArray(),
            OutcomeCertainties = _outcomes.Select(o =>
                classification && o is { Probabilities: null } && o.Score.HasValue && _tree.Target.IndexOf(o.Score) is var index and >= 0
                    ? TreeInterpreter.OneHot(categories, index) : null).ToArray(),
            Features = _features,
            Bitsets = _bitsets.ToArray(),
            Numbers = _numbers.ToArray(),
            Generic = PredicateCompiler.CompileAll(_generic, _document, _fallback),
            OnlyLessOrEqual = OnlyLessOrEqual(),
            Depth = Depth(start),
        };
    }

    /// <summary>The edge that enters a node: its children's chain of tests, or the node's own outcome for a leaf.</summary>
    private int Chain(TreeNodePlan node)
    {
        if (node.Children.Length == 0)
            return Outcome(node);
        var strategy = _tree.MissingValueStrategy;
        var next = _tree.NoTrueChildStrategy == NoTrueChildStrategy.ReturnLastPrediction ? Outcome(node) : NoPrediction;
        for (var i = node.Children.Length - 1; i >= 0; i--)
        {
            var child = node.Children[i];
            if (child.Predicate is ConstantPredicatePlan constant)
            {
                if (constant.Value)
                    next = _entries[child];
                continue;
            }
            var penalized = false;
            var onUnknown = strategy switch
            {
                MissingValueStrategy.LastPrediction => Outcome(node),
                MissingValueStrategy.NullPrediction => NoPrediction,
                MissingValueStrategy.DefaultChild when node.DefaultChild >= 0 => Penalize(_entries[node.Children[node.DefaultChild]], out penalized),
                MissingValueStrategy.DefaultChild => Outcome(node),
                _ => next,
            };
            // "x <= c" followed by "x > c" (as binary splits are written): when the first is false the second is true,
            // and when one is unknown so is the other, so the pair is one test whose false edge enters the second child.
            // The pair's unknown edge is the second test's, which under strategy none is where that test's false edge led.
            if (i + 1 < node.Children.Length && _tests.Count > 0 && next == _tests.Count - 1
                && Complementary(child.Predicate, node.Children[i + 1].Predicate))
            {
                var second = _tests[_tests.Count - 1];
                _tests.RemoveLast();
                next = Test(child.Predicate, _entries[child], _entries[node.Children[i + 1]], second.OnUnknown, second.Penalized);
                continue;
            }
            next = Test(child.Predicate, _entries[child], next, onUnknown, penalized);
        }
        return next;
    }

    private static bool Complementary(PredicatePlan first, PredicatePlan second) =>
        first is SimplePredicatePlan a && second is SimplePredicatePlan b && a.Slot == b.Slot && a.CompareAsFloat == b.CompareAsFloat
        && a.Constant.Kind == b.Constant.Kind && a.Constant.Equals(b.Constant) && (a.Operator, b.Operator) switch
        {
            (ComparisonOperator.LessOrEqual, ComparisonOperator.GreaterThan) or (ComparisonOperator.GreaterThan, ComparisonOperator.LessOrEqual)
                or (ComparisonOperator.LessThan, ComparisonOperator.GreaterOrEqual) or (ComparisonOperator.GreaterOrEqual, ComparisonOperator.LessThan)
                or (ComparisonOperator.Equal, ComparisonOperator.NotEqual) or (ComparisonOperator.NotEqual, ComparisonOperator.Equal) => true,
            _ => false,
        };

    private static int Penalize(int edge, out bool penalized)
    {
        penalized = true;
        return edge;
    }

    private int Outcome(TreeNodePlan node)
    {
        if (!_outcomeIndex.TryGetValue(node, out var index))
        {
            index = _outcomes.Count;
            _outcomes.Add(node);
            _outcomeIndex[node] = index;
        }
        return ~index;
    }

    private int Test(PredicatePlan predicate, int onTrue, int onFalse, int onUnknown, bool penalized)
    {
        var test = Typed(predicate, onTrue, onFalse, onUnknown, penalized);
        if (test is null)
        {
            _generic.Add(predicate);
            test = new TreeTest(0, 0, onTrue, onFalse, onUnknown, _generic.Count - 1, TestOp.Generic, penalized);
        }
        _tests.Add(test.Value);
        return _tests.Count - 1;
    }

    /// <summary>The typed test for a predicate the feature vector answers exactly as the interpreter would, else null.</summary>
    private TreeTest? Typed(PredicatePlan predicate, int onTrue, int onFalse, int onUnknown, bool penalized)
    {
        // low: InRange's lower end; the other intervals' follows from the op.
        TreeTest Make(TestOp op, int feature, double threshold, bool negate, int aux = 0, double low = 0)
        {
            low = op switch
            {
                TestOp.LessOrEqual => double.NegativeInfinity,
                TestOp.Equal => threshold,
                _ => low,
            };
            return negate
                ? new(threshold, feature, onFalse, onTrue, onUnknown, aux, op, penalized) { Low = low }
                : new(threshold, feature, onTrue, onFalse, onUnknown, aux, op, penalized) { Low = low };
        }

        TreeTest Bitset(int feature, int[] members, bool negate)
        {
            var words = members.Length == 0 ? 0 : members.Max() / 64 + 1;
            var offset = _bitsets.Count;
            _bitsets.AddDefault(words);
            foreach (var member in members)
                _bitsets[offset + member / 64] |= 1UL << (member % 64);
            return Make(TestOp.InSet, feature, words, negate, offset);
        }

        switch (predicate)
        {
            case SimplePredicatePlan s:
            {
                var feature = _features.Feature(s.Slot);
                if (feature < 0)
                    return null;
                if (s.Operator is ComparisonOperator.IsMissing or ComparisonOperator.IsNotMissing)
                    return Make(TestOp.IsMissing, feature, 0, s.Operator == ComparisonOperator.IsNotMissing);
                if (_features.IsCategorical(feature))
                    return s.Constant.Kind == ValueKind.String && s.Operator is ComparisonOperator.Equal or ComparisonOperator.NotEqual
                        ? Make(TestOp.Equal, feature, _features.Code(feature, s.Constant.String), s.Operator == ComparisonOperator.NotEqual)
                        : null;
                if (s.Constant.Kind is not (ValueKind.Number or ValueKind.Boolean))
                    return null;
                var c = s.Constant.Number;
                double? threshold;
                switch (s.Operator)
                {
                    case ComparisonOperator.Equal or ComparisonOperator.NotEqual:
                        // -inf stands for a NaN value in the vector, so only finite constants compare exactly.
                        var negated = s.Operator == ComparisonOperator.NotEqual;
                        if (!s.CompareAsFloat)
                            return double.IsFinite(c) ? Make(TestOp.Equal, feature, c, negated) : null;
                        // (float)x == f exactly when x lies between the doubles that round to f.
                        var f = (float)c;
                        if (!float.IsFinite(f) || Thresholds.FloatLessOrEqual(f) is not { } high || Thresholds.FloatLessOrEqual(-f) is not { } negativeLow)
                            return null;
                        return Make(TestOp.InRange, feature, high, negated, low: -negativeLow);
                    case ComparisonOperator.LessOrEqual or ComparisonOperator.GreaterThan:
                        threshold = s.CompareAsFloat ? Thresholds.FloatLessOrEqual((float)c) : Thresholds.LessOrEqual(c);
                        break;
                    default:
                        threshold = s.CompareAsFloat ? Thresholds.FloatLessThan((float)c) : Thresholds.LessThan(c);
                        break;
                }
                var negate = s.Operator is ComparisonOperator.GreaterThan or ComparisonOperator.GreaterOrEqual;
                return threshold is { } t ? Make(TestOp.LessOrEqual, feature, t, negate) : null;
            }
            case SetPredicatePlan s:
            {
                var feature = _features.Feature(s.Slot);
                if (feature < 0)
                    return null;
                if (!_features.IsCategorical(feature))
                {
                    // Numbers compare by value; -inf stands for a NaN value in the vector, so only finite members qualify.
                    // A boolean value never equals a number member (Value.Equals), so boolean fields stay generic.
                    if (_document.Slots[s.Slot].DataType == DataType.Boolean || s.Values.Any(v => v.Kind != ValueKind.Number || !double.IsFinite(v.Number)))
                        return null;
                    // Small whole numbers (XGBoost's integer categories) test as bits; other sets compare one by one.
                    if (s.Values.Count > 0 && s.Values.All(v => v.Number >= 0 && v.Number <= MaxBitsetMember && v.Number == Math.Floor(v.Number)))
                        return Bitset(feature, s.Values.Select(v => (int)v.Number).ToArray(), !s.IsIn);
                    var start = _numbers.Count;
                    foreach (var v in s.Values)
                        _numbers.Add(v.Number);
                    return Make(TestOp.InValues, feature, s.Values.Count, !s.IsIn, start);
                }
                if (s.Values.Any(v => v.Kind != ValueKind.String))
                    return null;
                return Bitset(feature, s.Values.Select(v => _features.Code(feature, v.String)).ToArray(), !s.IsIn);
            }
            default:
                return null;
        }
    }

    // Bitsets of up to 64 words; a set with a larger member keeps its numbers.
    private const int MaxBitsetMember = 4095;

    private bool OnlyLessOrEqual()
    {
        for (var i = 0; i < _tests.Count; i++)
            if (_tests[i].Op != TestOp.LessOrEqual)
                return false;
        return true;
    }

    private int Depth(int start)
    {
        // Edges only lead to tests added earlier (children first), so one backward pass gives every test's depth.
        var depth = new int[_tests.Count];
        for (var i = 0; i < depth.Length; i++)
        {
            var t = _tests[i];
            depth[i] = 1 + Math.Max(DepthOf(t.OnTrue, depth), Math.Max(DepthOf(t.OnFalse, depth), DepthOf(t.OnUnknown, depth)));
        }
        return DepthOf(start, depth);
    }

    private static int DepthOf(int edge, int[] depth) => edge >= 0 ? depth[edge] : 0;
}
