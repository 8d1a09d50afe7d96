using System.Runtime.InteropServices;
using PmmlEngine.Backends;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A MiningModel. Segments are scored by their compiled models and combined in the workspace's buffers. When every
/// segment is an always-selected regression tree without outputs or targets of its own, the trees are walked directly
/// over one shared feature vector and only their leaf scores are combined.
/// </summary>
internal sealed class CompiledEnsemble : CompiledModel
{
    private readonly EnsemblePlan _plan;
    private readonly CompiledSegment[] _segments;
    private readonly FeatureMap? _features;
    private readonly int _featureBuffer;

    public CompiledEnsemble(EnsemblePlan plan, int id, Func<RowContext, int, Value>?[] outputs, CompiledSegment[] segments, FeatureMap? features, int featureBuffer)
        : base(plan, id, outputs)
    {
        _plan = plan;
        _segments = segments;
        _features = features;
        _featureBuffer = featureBuffer;
        _lanes = WalkTogether(plan, segments) ? segments.Select(s => ((CompiledTree)s.Model).Tree).ToArray() : null;
        _loadsFeatures = _lanes is not null && features is not null && features.ReadsPreparedInputs();
        _branchFree = _loadsFeatures ? IBranchFreeWalk.For(_lanes!) : null;
        Trees = _lanes is not null && IsTreeSum(plan, segments) ? _lanes : null;
        _sumKind = Trees is not null ? EnsembleInterpreter.SumKindOf(plan)!.Value : default;
        _scoreStarts = new int[Trees?.Length ?? 0];
        var scores = new List<double>();
        for (var t = 0; t < _scoreStarts.Length; t++)
        {
            _scoreStarts[t] = scores.Count;
            scores.AddRange(Trees![t].OutcomeScores);
        }
        _scores = scores.ToArray();
        _weights = segments.Select(s => s.Plan.Weight).ToArray();
        _sharedOutcomes = _lanes is not null && !plan.HasSegmentOutputs && segments.All(s => s.Model.Plan.Outputs.Length == 0);
        _tally = LeafTally.For(plan, segments, _lanes, _sharedOutcomes);
    }

    /// <summary>For forests that average their trees' probabilities or count their votes: each leaf's share, kept.</summary>
    private readonly LeafTally? _tally;

    private readonly double[] _weights;

    /// <summary>A tree sum's outcome scores, tree after tree, and where each tree's scores start.</summary>
    private readonly double[] _scores;
    private readonly int[] _scoreStarts;

    /// <summary>How a tree sum adds its trees' scores.</summary>
    private readonly SumKind _sumKind;

    /// <summary>Whether the trees' results can be the ones each outcome shares (<see cref="CompiledTree.OutcomeResult"/>).</summary>
    private readonly bool _sharedOutcomes;

    /// <summary>The trees walked together before they are combined, when every segment is an always-selected tree over the shared features.</summary>
    private readonly FlatTree[]? _lanes;

    /// <summary>Whether the lanes' features are all read before the walk (see <see cref="FeatureMap.ReadsPreparedInputs"/>).</summary>
    private readonly bool _loadsFeatures;

    /// <summary>The lanes' outcomes found without branches when a record's features are all present; or null.</summary>
    private readonly IBranchFreeWalk? _branchFree;

    /// <summary>The trees of a tree sum (see the class summary), or null.</summary>
    public FlatTree[]? Trees { get; }

    /// <summary>The trees walked together (see <see cref="_lanes"/>), or null.</summary>
    public FlatTree[]? Lanes => _lanes;

    /// <summary>The lanes' branch-free walk (see <see cref="_branchFree"/>), or null.</summary>
    public IBranchFreeWalk? BranchFree => _branchFree;

    /// <summary>The leaves' shares of a forest that averages or votes (see <see cref="_tally"/>), or null.</summary>
    public LeafTally? LeafTally => _tally;

    public EnsemblePlan Ensemble => _plan;

    /// <summary>The models of a model chain's segments, in order; empty for other ensembles.</summary>
    public IEnumerable<CompiledModel> Chained =>
        _plan.Method == MultipleModelMethod.ModelChain ? _segments.Select(s => s.Model) : [];

    public FeatureMap? Features => _features;

    public override object CreateState() => new EnsembleState(_segments.Length, _plan.Target.Categories.Length, _plan.HasSegmentOutputs);

    private static bool WalkTogether(EnsemblePlan plan, CompiledSegment[] segments) =>
        plan.Method is not (MultipleModelMethod.SelectFirst or MultipleModelMethod.ModelChain)
        && segments.All(s => s.Predicate is null && s.Model is CompiledTree { OwnsFeatures: false });

    /// <summary>Of the ensembles whose trees walk together, those that only add their trees' leaf scores.</summary>
    private static bool IsTreeSum(EnsemblePlan plan, CompiledSegment[] segments) =>
        plan.Function != MiningFunction.Classification && !plan.HasSegmentOutputs
        && EnsembleInterpreter.SumKindOf(plan) is not null
        && segments.All(s => s.Model is CompiledTree tree
            && tree.Plan.Outputs.Length == 0 && tree.Plan.Target.Target is null
            && LeafScoresAreNumbers(tree.Tree));

    /// <summary>
    /// Whether every leaf score present is a number: one that is not would be a present prediction the sum cannot use.
    /// A loop, since LINQ's Zip over doubles is framework generic code a load would JIT-compile.
    /// </summary>
    private static bool LeafScoresAreNumbers(FlatTree tree)
    {
        for (var i = 0; i < Math.Min(tree.Outcomes.Length, tree.OutcomeScores.Length); i++)
            if (tree.Outcomes[i] is { Score.HasValue: true } && double.IsNaN(tree.OutcomeScores[i]))
                return false;
        return true;
    }

    protected override void Score(Workspace workspace, ModelResult result)
    {
        var state = (EnsembleState)workspace.States[Id]!;
        var row = workspace.Row;
        var features = _featureBuffer >= 0 ? workspace.Buffers[_featureBuffer] : null;
        if (_features is not null)
            FeatureMap.Clear(features);
        var count = 0;
        var missing = 0;
        if (Trees is { } trees)
        {
            if (!double.IsNaN(state.PresetSum))
            {
                // The same sum TrySum makes, computed for a block of records by the batch kernel.
                result.Predicted = Value.Of(EnsembleInterpreter.SumFinish(_plan, state.PresetSum, trees.Length, _weights));
                state.PresetSum = double.NaN;
                return;
            }
            var walked = WalkLanes(trees, features, row, state);
            if (!(walked ? TrySumWalked(state.Outcomes, result) : TrySum(trees, features, row, state, result)))
                SumPresent(trees, features, row, state, result);
            return;
        }

        if (_tally is not null)
        {
            Tally(workspace, state, features, result);
            return;
        }

        var chosen = -1;
        if (state.SegmentResults is { } segmentResults)
        {
            Array.Clear(segmentResults);
            result.Segments = segmentResults;
        }
        if (_lanes is not null)
            WalkLanes(_lanes, features, row, state);
        for (var i = 0; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            if (segment.Predicate is { } predicate && predicate(row, segment.Key) != Truth.True)
                continue;
            var scored = _lanes is { } lanes ? Walked(workspace, state, lanes, features, i) : segment.Model.Evaluate(workspace);
            if (state.SegmentResults is { } kept)
                kept[i] = scored;
            switch (_plan.Method)
            {
                case MultipleModelMethod.SelectFirst:
                    Adopt(result, segment.Plan, scored, state);
                    return;
                case MultipleModelMethod.ModelChain:
                    chosen = i;
                    continue;
            }
            if (scored.Predicted.IsMissing)
            {
                if (_plan.MissingPredictionTreatment == MissingPredictionTreatment.ReturnMissing)
                    return;
                missing++;
                continue;
            }
            state.Scored[count] = i;
            state.ScoredResults[count++] = scored;
        }
        if (_plan.Method == MultipleModelMethod.ModelChain)
        {
            if (chosen >= 0)
                Adopt(result, _segments[chosen].Plan, workspace.Results[_segments[chosen].Model.Id], state);
            return;
        }
        if (count == 0 || TooManyMissing(missing, count))
            return;
        if (missing > 0)
            result.Warn(EnsembleInterpreter.MissingSegments(missing, missing + count));
        if (_plan.Method == MultipleModelMethod.SelectAll)
            result.Predicted = SelectAll(state, count);
        else if (_plan.Function == MiningFunction.Classification)
            Classify(state, count, result);
        else
            Regress(state, count, result);
    }

    /// <summary>
    /// Every lane's outcome, or <see cref="TreeLanes.Unwalked"/> for the trees left to be walked alone. Features that are
    /// prepared inputs are all read first, so that no step of a walk stops to read one; then the branch-free walk takes
    /// a record whose features are all present, and the lanes' walk any other (an absent or failed feature read already
    /// is where the lanes' walk finds it, and other features are read as its tests need them). True when the branch-free
    /// walk found every outcome.
    /// </summary>
    private bool WalkLanes(FlatTree[] lanes, double[]? features, RowContext row, EnsembleState state)
    {
        if (_loadsFeatures)
        {
            _features!.Load(row, features);
            if (_branchFree is not null && _branchFree.TryWalk(features, state.Outcomes, state.Penalties))
                return true;
        }
        TreeLanes.Walk(lanes, features, row, state.Outcomes, state.Penalties);
        return false;
    }

    /// <summary>
    /// A tree sum in which every tree predicts: one running sum with <c>EnsembleInterpreter.Regress</c>'s steps, in
    /// document order. False, with nothing written, at the first tree without a prediction (or without trees).
    /// </summary>
    private bool TrySum(FlatTree[] trees, double[]? features, RowContext row, EnsembleState state, ModelResult result)
    {
        if (trees.Length == 0)
            return false;
        var kind = _sumKind;
        var sum = EnsembleInterpreter.SumStart(_plan);
        // XGBoost's float sum keeps a float: the same additions as SumAdd's, without converting the running sum to double
        // and back at every tree (a chain of three dependent conversions per tree).
        var single = (float)sum;
        for (var i = 0; i < trees.Length; i++)
        {
            var score = trees[i].OutcomeScores[TreeLanes.Outcome(trees, i, features, row, state.Outcomes, state.Penalties)];
            if (double.IsNaN(score))
                return false;
            if (kind == SumKind.Float)
                single += (float)score;
            else
                sum = EnsembleInterpreter.SumAdd(kind, sum, score, _weights[i]);
        }
        if (kind == SumKind.Float)
            sum = single;
        result.Predicted = Value.Of(EnsembleInterpreter.SumFinish(_plan, sum, trees.Length, _weights));
        return true;
    }

    /// <summary>
    /// <see cref="TrySum"/> where a branch-free walk has found every tree's outcome: each score read from one array, and
    /// a loop per kind of sum that calls nothing, so that the running sum stays in a register.
    /// </summary>
    private bool TrySumWalked(int[] outcomes, ModelResult result)
    {
        var scores = _scores;
        var starts = _scoreStarts;
        var sum = EnsembleInterpreter.SumStart(_plan);
        if (_sumKind == SumKind.Float)
        {
            var single = (float)sum;
            for (var i = 0; i < starts.Length; i++)
            {
                var score = scores[starts[i] + outcomes[i]];
                if (double.IsNaN(score))
                    return false;
                single += (float)score;
            }
            sum = single;
        }
        else
        {
            var kind = _sumKind;
            var weights = _weights;
            for (var i = 0; i < starts.Length; i++)
            {
                var score = scores[starts[i] + outcomes[i]];
                if (double.IsNaN(score))
                    return false;
                sum = EnsembleInterpreter.SumAdd(kind, sum, score, weights[i]);
            }
        }
        result.Predicted = Value.Of(EnsembleInterpreter.SumFinish(_plan, sum, starts.Length, _weights));
        return true;
    }

    /// <summary>
    /// A tree sum's prediction from its running sum (before SumFinish, as the batch kernels add it), after Targets, into a
    /// reset result.
    /// </summary>
    internal void PredictFromSum(double sum, ModelResult result)
    {
        result.Predicted = Value.Of(EnsembleInterpreter.SumFinish(_plan, sum, Trees!.Length, _weights));
        ModelInterpreter.ApplyTargets(Plan, result);
    }

    /// <summary>
    /// A tree sum's prediction from outcomes a branch-free walk found (<see cref="TrySumWalked"/>), after Targets, into a
    /// reset result: the direct paths' (<see cref="DirectTreeSum"/>, <see cref="DirectChain"/>). False when a leaf has
    /// no score, which the missing prediction treatment decides on the general path.
    /// </summary>
    internal bool TryPredictWalked(int[] outcomes, ModelResult result)
    {
        if (!TrySumWalked(outcomes, result))
            return false;
        ModelInterpreter.ApplyTargets(Plan, result);
        return true;
    }

    /// <summary>A tree sum in which some tree made no prediction: the missing prediction treatment decides.</summary>
    private void SumPresent(FlatTree[] trees, double[]? features, RowContext row, EnsembleState state, ModelResult result)
    {
        var count = 0;
        var missing = 0;
        for (var i = 0; i < trees.Length; i++)
        {
            var score = trees[i].OutcomeScores[TreeLanes.Outcome(trees, i, features, row, state.Outcomes, state.Penalties)];
            if (double.IsNaN(score))
            {
                if (_plan.MissingPredictionTreatment == MissingPredictionTreatment.ReturnMissing)
                    return;
                missing++;
                continue;
            }
            state.Values[count] = score;
            state.Weights[count++] = _weights[i];
        }
        if (count > 0 && !TooManyMissing(missing, count))
        {
            result.Predicted = Value.Of(EnsembleInterpreter.Regress(_plan, state.Values.AsSpan(0, count), state.Weights.AsSpan(0, count)));
            if (missing > 0)
                result.Warn(EnsembleInterpreter.MissingSegments(missing, missing + count));
        }
    }

    /// <summary>
    /// <see cref="LeafTally"/>'s path: the trees are walked together and each one's leaf added to the totals in document
    /// order, with the missing-prediction treatment and the division of <c>EnsembleInterpreter.Classify</c>.
    /// </summary>
    private void Tally(Workspace workspace, EnsembleState state, double[]? features, ModelResult result)
    {
        var lanes = _lanes!;
        var totals = state.Totals;
        Array.Clear(totals);
        WalkLanes(lanes, features, workspace.Row, state);
        var count = 0;
        var missing = 0;
        var divisor = 0.0;
        for (var i = 0; i < lanes.Length; i++)
        {
            var outcome = TreeLanes.Outcome(lanes, i, features, workspace.Row, state.Outcomes, state.Penalties);
            if (!_tally!.TryAdd(i, outcome, totals, ref divisor))
            {
                if (_plan.MissingPredictionTreatment == MissingPredictionTreatment.ReturnMissing)
                    return;
                missing++;
                continue;
            }
            count++;
        }
        if (count == 0 || TooManyMissing(missing, count))
            return;
        if (missing > 0)
            result.Warn(EnsembleInterpreter.MissingSegments(missing, missing + count));
        for (var i = 0; i < totals.Length; i++)
            totals[i] /= divisor;
        result.SetDistribution(totals);
    }

    // A method of its own: a lambda in Score would allocate its closure on every call, selectAll or not.
    private static Value SelectAll(EnsembleState state, int count) =>
        Value.OfCollection(Enumerable.Range(0, count).Select(k => state.ScoredResults[k].Predicted).ToArray());

    private bool TooManyMissing(int missing, int count) => missing > 0 && (double)missing / (missing + count) > _plan.MissingThreshold;

    private ModelResult Walked(Workspace workspace, EnsembleState state, FlatTree[] lanes, double[]? features, int i)
    {
        var tree = (CompiledTree)_segments[i].Model;
        var outcome = TreeLanes.Outcome(lanes, i, features, workspace.Row, state.Outcomes, state.Penalties);
        return _sharedOutcomes ? tree.OutcomeResult(outcome) : tree.Evaluate(workspace, outcome, state.Penalties[i]);
    }

    private void Regress(EnsembleState state, int count, ModelResult result)
    {
        for (var k = 0; k < count; k++)
        {
            if (!state.ScoredResults[k].Predicted.TryGetNumber(out state.Values[k]))
                return;
            state.Weights[k] = _weights[state.Scored[k]];
        }
        result.Predicted = Value.Of(EnsembleInterpreter.Regress(_plan, state.Values.AsSpan(0, count), state.Weights.AsSpan(0, count)));
    }

    private void Classify(EnsembleState state, int count, ModelResult result)
    {
        state.Pairs.Clear();
        for (var k = 0; k < count; k++)
            state.Pairs.Add((_segments[state.Scored[k]].Plan, state.ScoredResults[k]));
        EnsembleInterpreter.Classify(_plan, CollectionsMarshal.AsSpan(state.Pairs), result, state.Totals, state.Aligned);
    }

    private static void Adopt(ModelResult result, SegmentPlan segment, ModelResult chosen, EnsembleState state)
    {
        result.Predicted = chosen.Predicted;
        result.EntityId = chosen.EntityId;
        result.Warnings = chosen.Warnings;
        result.Probabilities = EnsembleInterpreter.Align(segment, chosen.Probabilities, state.Aligned);
        result.Confidences = EnsembleInterpreter.Align(segment, chosen.Confidences, state.AlignedConfidences);
    }
}
