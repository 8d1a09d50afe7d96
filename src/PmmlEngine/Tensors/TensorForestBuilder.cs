using PmmlEngine.Backends.Compiled;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Tensors;

/// <summary>
/// Builds the <see cref="TensorForest"/> of a document from its flattened trees (the compiled backend's
/// <see cref="FlatTree"/>, whose edges already carry every missing value strategy), or refuses with the reason and
/// the element that stops it.
/// </summary>
internal sealed class TensorForestBuilder
{
    private readonly DocumentPlan _document;
    private readonly FeatureMap _features;
    private readonly List<IndicatorColumn> _indicators = [];
    private readonly List<int> _column = [];
    private readonly List<double> _threshold = [];
    private readonly List<int> _onTrue = [];
    private readonly List<int> _onFalse = [];
    private readonly List<int> _onUnknown = [];
    private readonly List<double> _leaves = [];
    private readonly List<int> _roots = [];
    private readonly List<int> _depths = [];
    private readonly List<int> _offsets = [];
    private readonly List<double> _weights = [];
    private readonly List<Value> _labels = [];
    private int _leafWidth = 1;

    private TensorForestBuilder(DocumentPlan document)
    {
        _document = document;
        _features = new FeatureMap(document);
    }

    /// <exception cref="PmmlUnsupportedException">The model is no tree ensemble the tensor plan expresses.</exception>
    public static TensorForest Build(DocumentPlan document) => new TensorForestBuilder(document).Build();

    private TensorForest Build()
    {
        var top = _document.Model;
        CheckOutputs(top);
        switch (top)
        {
            case TreePlan { Function: MiningFunction.Regression } tree:
                AddTree(tree, 1, 0, 1, null);
                return Forest(SumKind.Plain, [0.0], new ForestFinish { Top = top, Shape = ForestShape.Regression });
            case TreePlan { Function: MiningFunction.Classification } tree:
                var categories = tree.Target.Categories.Length;
                AddTree(tree, categories + 1, 0, 1, (node, leaf) =>
                {
                    if (Distribution(tree, node) is not { } distribution)
                        throw Refuse($"leaf '{node.Id}' has no probabilities", tree.Element.Location);
                    distribution.CopyTo(leaf, 0);
                    leaf[^1] = Label(node.Score);
                });
                return Forest(SumKind.Plain, new double[categories + 1], new ForestFinish { Top = top, Shape = ForestShape.Tree, Labels = _labels.ToArray() });
            case EnsemblePlan { Method: MultipleModelMethod.ModelChain, Function: MiningFunction.Classification } chain:
                return Chain(chain);
            case EnsemblePlan { Function: MiningFunction.Regression } ensemble:
                return Regression(ensemble);
            case EnsemblePlan { Function: MiningFunction.Classification } ensemble:
                return Vote(ensemble);
            default:
                throw Refuse($"{top.Element.ElementName} is not a tree or an ensemble of trees", top.Element.Location);
        }
    }

    private TensorForest Regression(EnsemblePlan ensemble)
    {
        // Sums add tree by tree; median, weighted median and max need every tree's score, so each gets a sum of its own.
        var sum = EnsembleInterpreter.SumKindOf(ensemble);
        if (sum is null && ensemble.Method is not (MultipleModelMethod.Median or MultipleModelMethod.WeightedMedian or MultipleModelMethod.Max))
            throw Refuse($"a regression MiningModel combining its trees by {ensemble.Method} is not a function of its trees' scores", ensemble.Element.Location);
        var segments = TreeSegments(ensemble, MiningFunction.Regression);
        for (var t = 0; t < segments.Length; t++)
            AddTree((TreePlan)segments[t].Model, 1, sum is null ? t : 0, segments[t].Weight, null);
        var weights = ensemble.Segments.Select(s => s.Weight).ToArray();
        return Forest(sum ?? SumKind.Plain, sum is null ? new double[segments.Length] : [EnsembleInterpreter.SumStart(ensemble)],
            new ForestFinish { Top = ensemble, Shape = ForestShape.Regression, Ensemble = ensemble, SegmentWeights = weights, PerTree = sum is null });
    }

    private TensorForest Vote(EnsemblePlan ensemble)
    {
        var (kind, weighted) = ensemble.Method switch
        {
            MultipleModelMethod.Average or MultipleModelMethod.MajorityVote => (SumKind.Plain, false),
            MultipleModelMethod.WeightedAverage or MultipleModelMethod.WeightedMajorityVote => (SumKind.Weighted, true),
            _ => throw Refuse($"a classification MiningModel combining its trees by {ensemble.Method} is not a sum of tensors", ensemble.Element.Location),
        };
        var categories = ensemble.Target.Categories.Length;
        var vote = ensemble.Method is MultipleModelMethod.MajorityVote or MultipleModelMethod.WeightedMajorityVote;
        foreach (var segment in TreeSegments(ensemble, MiningFunction.Classification))
        {
            var tree = (TreePlan)segment.Model;
            AddTree(tree, categories, 0, segment.Weight, (node, leaf) =>
            {
                // A vote is a one-hot leaf; an average adds the leaf's distribution in the ensemble's category order.
                var index = vote ? ensemble.Target.IndexOf(node.Score) : 0;
                var aligned = vote ? null : EnsembleInterpreter.Align(segment, Distribution(tree, node), leaf);
                if (vote ? index < 0 : aligned is null)
                    throw Refuse($"leaf '{node.Id}' has no {(vote ? "category of the ensemble" : "probabilities")}", tree.Element.Location);
                if (vote)
                    leaf[index] = 1;
            });
        }
        var divisor = weighted ? ensemble.Segments.Sum(s => s.Weight) : ensemble.Segments.Length;
        return Forest(kind, new double[categories], new ForestFinish { Top = ensemble, Shape = ForestShape.Vote, Divisor = divisor });
    }

    private TensorForest Chain(EnsemblePlan chain)
    {
        var segments = chain.Segments;
        if (segments.Length < 2 || segments.Any(s => s.Predicate is not ConstantPredicatePlan { Value: true }))
            throw Refuse("a modelChain of tensors needs always-selected segments: sums of trees, then a final model", chain.Element.Location);
        var links = new List<(EnsemblePlan, double[])>();
        SumKind? kind = null;
        for (var j = 0; j < segments.Length - 1; j++)
        {
            if (segments[j].Model is not EnsemblePlan { Function: MiningFunction.Regression } link)
                throw Refuse("each modelChain segment before the last must be a regression MiningModel of trees", segments[j].Model.Element.Location);
            var linkKind = SumKindOf(link);
            if (kind is { } first && first != linkKind)
                throw Refuse("the chain's sums add in different arithmetic", link.Element.Location);
            kind = linkKind;
            foreach (var segment in TreeSegments(link, MiningFunction.Regression))
                AddTree((TreePlan)segment.Model, 1, j, segment.Weight, null);
            links.Add((link, link.Segments.Select(s => s.Weight).ToArray()));
        }
        var starts = links.Select(l => EnsembleInterpreter.SumStart(l.Item1)).ToArray();
        return Forest(kind!.Value, starts, new ForestFinish { Top = chain, Shape = ForestShape.Chain, Links = links.ToArray(), Final = segments[^1] });
    }

    private static SumKind SumKindOf(EnsemblePlan ensemble) => EnsembleInterpreter.SumKindOf(ensemble)
        ?? throw Refuse($"a regression MiningModel combining its trees by {ensemble.Method} is not a sum of tensors", ensemble.Element.Location);

    /// <summary>The ensemble's segments, each an always-selected tree of the given function without outputs or targets of its own.</summary>
    private static SegmentPlan[] TreeSegments(EnsemblePlan ensemble, MiningFunction function)
    {
        foreach (var segment in ensemble.Segments)
        {
            if (segment.Predicate is not ConstantPredicatePlan { Value: true })
                throw Refuse($"segment '{segment.Id}' is selected by a predicate; tensor sums use every tree", ensemble.Element.Location);
            if (segment.Model is not TreePlan tree || tree.Function != function)
                throw Refuse($"segment '{segment.Id}' is a {segment.Model.Element.ElementName} ({segment.Model.Function}), not a {function} TreeModel", segment.Model.Element.Location);
            if (tree.Outputs.Length > 0 || tree.Target.Target is not null)
                throw Refuse($"segment '{segment.Id}' has outputs or targets of its own", tree.Element.Location);
        }
        return ensemble.Segments;
    }

    /// <summary>
    /// Appends one tree: its tests, then its outcomes as self-looping leaves of <paramref name="width"/> values added
    /// from the running sum at <paramref name="offset"/>. <paramref name="fill"/> writes a leaf's values (a
    /// distribution); without it a leaf holds its score.
    /// </summary>
    private void AddTree(TreePlan tree, int width, int offset, double weight, Action<TreeNodePlan, double[]>? fill)
    {
        _leafWidth = width;
        var flat = FlatTreeBuilder.TryBuild(tree, _features, _document, _ => { }, out var reason)
            ?? throw Refuse(reason!, tree.Element.Location);
        if (flat.Generic.Length > 0)
            throw Refuse("a tree tests a predicate that is not a comparison of one field with constants", tree.Element.Location);
        var first = _column.Count;
        var tests = flat.Tests.Length;
        int Node(int edge) => edge >= 0 ? first + edge : first + tests + ~edge;
        var none = new double[width];
        foreach (var test in flat.Tests)
        {
            if (test.Op == TestOp.LessOrEqual)
            {
                Add(test.Feature, test.Threshold, Node(test.OnTrue), Node(test.OnFalse), Node(test.OnUnknown), none);
                continue;
            }
            // Indicator columns are numbered after the base columns once all are known (see Forest); "indicator ≤ 0.5"
            // holds where the test does not.
            Add(~Indicator(Indicator(flat, test)), 0.5, Node(test.OnFalse), Node(test.OnTrue), Node(test.OnUnknown), none);
        }
        for (var o = 0; o < flat.Outcomes.Length; o++)
        {
            var values = new double[width];
            if (flat.Outcomes[o] is not { } node || !node.Score.HasValue)
                values.AsSpan().Fill(double.NaN);
            else if (fill is not null)
                fill(node, values);
            else if (double.IsNaN(values[0] = flat.OutcomeScores[o]))
                throw Refuse($"leaf '{node.Id}' has the score '{node.Score}', which is not a number", tree.Element.Location);
            var self = _column.Count;
            Add(0, 0, self, self, self, values);
        }
        _roots.Add(Node(flat.Start));
        _depths.Add(flat.Depth);
        _offsets.Add(offset);
        _weights.Add(weight);
    }

    private void Add(int column, double threshold, int onTrue, int onFalse, int onUnknown, double[] leaf)
    {
        _column.Add(column);
        _threshold.Add(threshold);
        _onTrue.Add(onTrue);
        _onFalse.Add(onFalse);
        _onUnknown.Add(onUnknown);
        _leaves.AddRange(leaf);
    }

    private static IndicatorColumn Indicator(FlatTree flat, in TreeTest test) => test.Op switch
    {
        TestOp.Equal => new IndicatorColumn(test.Feature, TestOp.Equal, [test.Threshold]),
        TestOp.InRange => new IndicatorColumn(test.Feature, TestOp.InRange, [test.Low, test.Threshold]),
        TestOp.InValues => new IndicatorColumn(test.Feature, TestOp.InValues, flat.Numbers.AsSpan(test.Aux, (int)test.Threshold).ToArray()),
        TestOp.InSet => new IndicatorColumn(test.Feature, TestOp.InValues, Codes(flat.Bitsets.AsSpan(test.Aux, (int)test.Threshold))),
        _ => new IndicatorColumn(test.Feature, TestOp.IsMissing, []),
    };

    private static double[] Codes(ReadOnlySpan<ulong> bitset)
    {
        var codes = new List<double>();
        for (var code = 0; code < bitset.Length * 64; code++)
            if ((bitset[code >> 6] >> (code & 63) & 1) != 0)
                codes.Add(code);
        return codes.ToArray();
    }

    private int Indicator(IndicatorColumn column)
    {
        var index = _indicators.FindIndex(c => c.Same(column));
        if (index >= 0)
            return index;
        _indicators.Add(column);
        return _indicators.Count - 1;
    }

    private int Label(Value score)
    {
        var index = _labels.IndexOf(score);
        if (index >= 0)
            return index;
        _labels.Add(score);
        return _labels.Count - 1;
    }

    /// <summary>A classification leaf's probabilities: its ScoreDistribution, or certainty of its score.</summary>
    private static double[]? Distribution(TreePlan tree, TreeNodePlan node) =>
        node.Probabilities ?? (tree.Target.IndexOf(node.Score) is var index and >= 0 ? TreeInterpreter.OneHot(tree.Target.Categories.Length, index) : null);

    private TensorForest Forest(SumKind kind, double[] starts, ForestFinish finish)
    {
        var top = _document.Model;
        if (top is EnsemblePlan ensemble && ensemble.MissingPredictionTreatment != MissingPredictionTreatment.ReturnMissing && CanMissPrediction())
            throw Refuse($"trees that can make no prediction need missingPredictionTreatment returnMissing, not {ensemble.MissingPredictionTreatment}", top.Element.Location);
        var baseCount = _features.Count;
        return new TensorForest
        {
            Document = _document,
            Shape = finish.Shape,
            Features = _features,
            Indicators = _indicators.ToArray(),
            Column = _column.Select(c => c >= 0 ? c : baseCount + ~c).ToArray(),
            Threshold = _threshold.ToArray(),
            OnTrue = _onTrue.ToArray(),
            OnFalse = _onFalse.ToArray(),
            OnUnknown = _onUnknown.ToArray(),
            Roots = _roots.ToArray(),
            Depths = _depths.ToArray(),
            LeafWidth = _leafWidth,
            Leaves = _leaves.ToArray(),
            Offsets = _offsets.ToArray(),
            Weights = _weights.ToArray(),
            RawWidth = starts.Length,
            Starts = starts,
            Sum = kind,
            Finish = finish,
        };
    }

    /// <summary>Whether some walk from a root ends on a leaf without a prediction.</summary>
    private bool CanMissPrediction()
    {
        var seen = new HashSet<int>();
        var pending = new Stack<int>(_roots);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!seen.Add(node))
                continue;
            if (_onTrue[node] == node)
            {
                if (double.IsNaN(_leaves[node * _leafWidth]))
                    return true;
                continue;
            }
            pending.Push(_onTrue[node]);
            pending.Push(_onFalse[node]);
            pending.Push(_onUnknown[node]);
        }
        return false;
    }

    private static void CheckOutputs(ModelPlan top)
    {
        foreach (var output in top.Outputs)
        {
            var supported = output.SegmentIndex < 0 && output.Field.Feature switch
            {
                ResultFeature.PredictedValue or ResultFeature.PredictedDisplayValue or ResultFeature.Probability
                    or ResultFeature.TransformedValue or ResultFeature.Decision or ResultFeature.Residual => true,
                ResultFeature.Confidence => top is not TreePlan { MissingValueStrategy: MissingValueStrategy.DefaultChild },
                _ => false,
            };
            if (!supported)
                throw Refuse($"OutputField '{output.Name}' reports {output.Field.Feature}{(output.SegmentIndex >= 0 ? " of one segment" : "")}, which tensor scoring does not compute", output.Field.Location);
        }
    }

    private static PmmlUnsupportedException Refuse(string message, SourceLocation location) => new($"Not expressible as tensors: {message}", location);
}
