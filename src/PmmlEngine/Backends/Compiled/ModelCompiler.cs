using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;
using System.Linq.Expressions;
using E = System.Linq.Expressions.Expression;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// Compiles a planned document model by model. A part that cannot be compiled is left to the interpreter, and the
/// reason is recorded (<see cref="CompiledDocument.Fallbacks"/>); the rest of the document stays compiled.
/// </summary>
internal sealed class ModelCompiler(DocumentPlan document)
{
    private readonly List<CompiledModel> _models = [];
    private readonly List<int> _buffers = [];
    private readonly List<string> _fallbacks = [];
    private int _nextId;

    /// <summary>Every compiled model in <see cref="CompiledModel.Id"/> order (ids are given before a model's segments are compiled).</summary>
    public IReadOnlyList<CompiledModel> Models => _models.OrderBy(m => m.Id).ToArray();
    public IReadOnlyList<int> Buffers => _buffers;
    public IReadOnlyList<string> Fallbacks => _fallbacks;

    public int Reserve(int length)
    {
        _buffers.Add(length);
        return _buffers.Count - 1;
    }

    /// <summary>Compiles the derived fields; a null entry is interpreted (its reason is recorded).</summary>
    public Func<RowContext, int, Value>?[] CompileDerivedFields()
    {
        // Term fields are set from their document's n-grams together (TermFields), not compiled one by one.
        var terms = TermFields.Find(document);
        // Fields that only read another field are conversions RowContext does itself. Blocks compile on first use:
        // priming at load reaches the fields a typical record reads, and a model may read few of many declared
        // fields (a TF-IDF table scores from the document, not from its hundreds of term fields).
        var computers = CompiledSwitch.Compile<Value>(document.Slots.Length, document.Slots.OfType<DerivedSlot>()
            .Where(slot => slot.CopyOf < 0 && !terms.ContainsKey(slot.Index)).Select(slot =>
            new CompiledSwitch.Case(slot.Index, $"DerivedField '{slot.Name}'", row => ExpressionCompiler.Emit(CompileLimits.Checked(slot.Expression), row, []))), _fallbacks.Add, deferred: true);
        foreach (var (slot, group) in terms)
            computers[slot] = group.Compute;
        return computers;
    }

    /// <param name="model">The model to compile.</param>
    /// <param name="shared">The feature vector of the enclosing ensemble's trees, or null for a tree that loads its own.</param>
    public CompiledModel Compile(ModelPlan model, (FeatureMap Map, int Buffer)? shared = null)
    {
        var id = _nextId++;
        var outputs = CompiledSwitch.Compile<Value>(model.Outputs.Length, model.Outputs.Select((o, i) => o.Expression is null ? null :
            new CompiledSwitch.Case(i, $"OutputField '{o.Name}'", row => ExpressionCompiler.Emit(CompileLimits.Checked(o.Expression), row, []))).OfType<CompiledSwitch.Case>(), _fallbacks.Add);
        var compiled = TryCompileModel(model, id, outputs, shared, out var reason);
        if (compiled is null)
        {
            _fallbacks.Add($"{Describe(model)}: {reason}");
            compiled = new InterpretedModel(model, id, outputs);
        }
        _models.Add(compiled);
        return compiled;
    }

    private CompiledModel? TryCompileModel(ModelPlan model, int id, Func<RowContext, int, Value>?[] outputs, (FeatureMap Map, int Buffer)? shared, out string? reason)
    {
        reason = null;
        switch (model)
        {
            case TreePlan tree:
                var features = shared?.Map ?? new FeatureMap(document);
                var flat = FlatTreeBuilder.TryBuild(tree, features, document, _fallbacks.Add, out reason);
                if (flat is null)
                    return null;
                // A tree's own feature vector is sized once the tree is flattened; a shared one once the ensemble is.
                var buffer = shared?.Buffer ?? Reserve(features.Count);
                return new CompiledTree(tree, id, outputs, flat, buffer, shared is null);
            case RegressionPlan regression:
                return new CompiledRegression(regression, id, outputs, Reserve, document);
            case RuleSetPlan rules:
                return new CompiledRuleSet(rules, id, outputs,
                    PredicateCompiler.CompileAll(rules.AllRules.Select(r => r.Predicate).ToArray(), document, _fallbacks.Add));
            case NeuralNetworkPlan network:
                return new CompiledNeuralNetwork(network, id, outputs, Reserve);
            case ScorecardPlan scorecard:
                return new CompiledScorecard(scorecard, id, outputs,
                    PredicateCompiler.CompileAll(scorecard.AllAttributes.Select(a => a.Predicate).ToArray(), document, _fallbacks.Add),
                    CompiledSwitch.Compile<Value>(scorecard.AllAttributes.Length, scorecard.AllAttributes.Where(a => a.Complex is not null).Select(a =>
                        new CompiledSwitch.Case(a.Index, $"ComplexPartialScore at {model.Element.Location}", row => ExpressionCompiler.Emit(CompileLimits.Checked(a.Complex!), row, []))),
                        _fallbacks.Add));
            case SupportVectorMachinePlan svm:
                return new CompiledSupportVectorMachine(svm, id, outputs, Reserve);
            case NaiveBayesPlan bayes:
                return new CompiledNaiveBayes(bayes, id, outputs, Reserve);
            case GeneralRegressionPlan glm:
                return new CompiledGeneralRegression(glm, id, outputs, Reserve);
            case NearestNeighborPlan knn:
                return new CompiledNearestNeighbor(knn, id, outputs);
            case AssociationPlan association:
                return new CompiledRuleMatch(association, id, outputs, () => new AssociationMatch(association));
            case AnomalyDetectionPlan anomaly:
                return new CompiledAnomalyDetection(anomaly, id, outputs, Compile(anomaly.Inner));
            case GaussianProcessPlan gp:
                return new CompiledGaussianProcess(gp, id, outputs, Reserve);
            case BaselinePlan baseline:
                return new CompiledBaseline(baseline, id, outputs);
            case TimeSeriesPlan series:
                return new CompiledTimeSeries(series, id, outputs);
            case BayesianNetworkPlan network:
                return new CompiledBayesianNetwork(network, id, outputs, Reserve);
            case TextModelPlan text:
                return new CompiledTextModel(text, id, outputs, Reserve);
            case SequencePlan sequence:
                return new CompiledRuleMatch(sequence, id, outputs, () => new SequenceMatch(sequence));
            case ClusteringPlan clustering:
                return new CompiledClustering(clustering, id, outputs, Reserve);
            case EnsemblePlan ensemble:
                // In a model chain later segments may test fields that earlier segments output, so each tree reads its
                // own features when it is scored; otherwise the ensemble reads one vector for all of its trees.
                var map = ensemble.Method == MultipleModelMethod.ModelChain ? null : new FeatureMap(document);
                var featureBuffer = map is null ? -1 : Reserve(0);
                // Most segments are always selected (<True/>); only the others need compiled predicates.
                var selective = ensemble.Segments.Where(s => s.Predicate is not ConstantPredicatePlan { Value: true }).ToList();
                var predicates = PredicateCompiler.CompileAll(selective.Select(s => s.Predicate).ToArray(), document, _fallbacks.Add);
                var segments = ensemble.Segments.Select(s => (Segment: s, Key: selective.IndexOf(s))).Select(x => new CompiledSegment(x.Segment,
                    x.Key < 0 ? null : predicates[x.Key], x.Key, Compile(x.Segment.Model, map is null ? null : (map, featureBuffer)))).ToArray();
                if (map is not null)
                    _buffers[featureBuffer] = map.Count;
                return new CompiledEnsemble(ensemble, id, outputs, segments, map is { Count: > 0 } ? map : null, featureBuffer);
            default:
                reason = $"{model.Element.ElementName} has no compiler";
                return null;
        }
    }

    private static string Describe(ModelPlan model) =>
        $"{model.Element.ElementName} at line {model.Element.Location.Line}";
}
