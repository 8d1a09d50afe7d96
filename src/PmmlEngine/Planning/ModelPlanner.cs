using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>Plans any model: its MiningSchema, local transformations, target and outputs; families add the rest.</summary>
internal sealed class ModelPlanner(PlanningContext context, ExpressionPlanner expressions)
{
    private readonly PredicatePlanner _predicates = new(context);

    public PlanningContext Context => context;
    public PredicatePlanner Predicates => _predicates;
    public ExpressionPlanner Expressions => expressions;

    /// <summary>Plans a model whose fields are resolved in <paramref name="parent"/>.</summary>
    public ModelPlan Plan(ModelElement model, Scope parent, string? inheritedTarget, bool isTop) =>
        Plan(model, parent, inheritedTarget, isTop, out _);

    public ModelPlan Plan(ModelElement model, Scope parent, string? inheritedTarget, bool isTop, out Scope outputScope)
    {
        var scope = new Scope(parent);
        var active = PlanMiningSchema(model, parent, scope, isTop, out var ownTarget);
        Planner.DeclareDerivedFields(context, expressions, model.LocalTransformations, scope);
        var targetName = ownTarget ?? inheritedTarget;
        var inherited = ownTarget is null;

        ModelPlan plan = model switch
        {
            TreeModel tree => new TreePlanner(this).Plan(tree, scope, Target(model, targetName, inherited, TreePlanner.Categories(tree)), active),
            RegressionModel regression => RegressionPlanner.Plan(this, regression, scope,
                Target(model, targetName, inherited, regression.Tables.Select(t => t.TargetCategory).OfType<string>()), active),
            MiningModel mining => new EnsemblePlanner(this).Plan(mining, scope, targetName, inherited, active),
            RuleSetModel rules => new RuleSetPlanner(this).Plan(rules, scope, Target(model, targetName, inherited, RuleSetPlanner.Categories(rules)), active),
            NeuralNetwork network => new NeuralNetworkPlanner(this).Plan(network, scope,
                Target(model, targetName, inherited, NeuralNetworkPlanner.Categories(network)), active),
            Scorecard scorecard => new ScorecardPlanner(this).Plan(scorecard, scope, Target(model, targetName, inherited, []), active),
            SupportVectorMachineModel svm => new SupportVectorMachinePlanner(this).Plan(svm, scope,
                Target(model, targetName, inherited, SupportVectorMachinePlanner.Categories(svm)), active),
            NaiveBayesModel bayes => new NaiveBayesPlanner(this).Plan(bayes, scope, Target(model, targetName, inherited, NaiveBayesPlanner.Categories(bayes)), active),
            GeneralRegressionModel glm => new GeneralRegressionPlanner(this).Plan(glm, scope,
                Target(model, targetName, inherited, GeneralRegressionPlanner.Categories(glm)), active),
            NearestNeighborModel knn => new NearestNeighborPlanner(this).Plan(knn, scope,
                Target(model, targetName, inherited, NearestNeighborPlanner.Categories(knn, targetName)), active),
            AssociationModel association => new AssociationPlanner(this).Plan(association, scope, new TargetPlan(null, DataType.String, OpType.Categorical, [], null), active),
            AnomalyDetectionModel anomaly => new AnomalyDetectionPlanner(this).Plan(anomaly, scope, Target(model, targetName, inherited, []), active),
            GaussianProcessModel gp => new GaussianProcessPlanner(this).Plan(gp, scope, Target(model, targetName, inherited, []), active),
            BaselineModel baseline => new BaselinePlanner(this).Plan(baseline, scope, Target(model, targetName, inherited, []), active),
            TimeSeriesModel series => new TimeSeriesPlanner(this).Plan(series, scope, Target(model, targetName, inherited, []), active),
            BayesianNetworkModel network => new BayesianNetworkPlanner(this).Plan(network, scope,
                Target(model, targetName, inherited, BayesianNetworkPlanner.Categories(network, targetName)), active),
            TextModel text => new TextModelPlanner(this).Plan(text, scope, new TargetPlan(null, DataType.String, OpType.Categorical, [], null), active),
            SequenceModel sequence => new SequencePlanner(this).Plan(sequence, scope, new TargetPlan(null, DataType.String, OpType.Categorical, [], null), active),
            ClusteringModel clustering => new ClusteringPlanner(this).Plan(clustering, scope, active),
            _ => throw new InvalidOperationException($"no planner for {model.ElementName}"),
        };
        outputScope = new Scope(scope);
        plan.Outputs = PlanOutputs(model, plan.Target, outputScope);
        return plan;
    }

    private int[] PlanMiningSchema(ModelElement model, Scope parent, Scope scope, bool isTop, out string? target)
    {
        target = null;
        var active = new List<int>();
        foreach (var field in model.MiningSchema)
        {
            if (field.UsageType == UsageType.Target)
            {
                target ??= field.Name;
                continue;
            }
            var source = context.Resolve(parent, field.Name, field.Location, "MiningField");
            if (source < 0)
                continue;
            var sourceSlot = context.Slots[source];
            var slot = source;
            // Nested models only need their own view of a field when their MiningField changes its treatment. Over a
            // field its parent prepared, the invalid value treatment changes nothing: a prepared value is never invalid
            // text, and the nested view has no domain to find an invalid value by.
            if (isTop || HasTreatment(field, invalidMatters: sourceSlot is not PreparedSlot))
            {
                var domain = sourceSlot is InputSlot input ? input.Domain : null;
                slot = context.Add(new PreparedSlot(field.Name, sourceSlot.DataType, field.OpType ?? sourceSlot.OpType, source, field, domain,
                    Replacement(field.MissingValueReplacement, sourceSlot.DataType, field.Location),
                    Replacement(field.InvalidValueReplacement, sourceSlot.DataType, field.Location)));
                scope.Bind(field.Name, slot);
            }
            if (field.UsageType == UsageType.Active)
                active.Add(slot);
        }
        return active.ToArray();
    }

    private static bool HasTreatment(MiningField field, bool invalidMatters) =>
        field.MissingValueReplacement is not null || invalidMatters && field.InvalidValueTreatment != InvalidValueTreatment.ReturnInvalid
        || field.Outliers != OutlierTreatment.AsIs || field.MissingValueTreatment == MissingValueTreatment.ReturnInvalid;

    private Value Replacement(string? text, DataType type, SourceLocation location) =>
        text is null ? Value.Missing : context.Parse(text, type, location);

    /// <summary>
    /// The target's type and categories. Categories come from the DataField's valid values when it lists them, else
    /// from the model's own category labels in document order.
    /// </summary>
    public TargetPlan Target(ModelElement model, string? name, bool inherited, IEnumerable<string> modelCategories)
    {
        context.DataFields.TryGetValue(name ?? "", out var dataField);
        var classification = model.Function == MiningFunction.Classification;
        var type = dataField?.DataType ?? (classification ? DataType.String : DataType.Double);
        if (!classification && (inherited || dataField?.OpType == OpType.Categorical))
            type = DataType.Double;
        var opType = classification ? dataField?.OpType is OpType.Ordinal ? OpType.Ordinal : OpType.Categorical : OpType.Continuous;
        var target = model.Targets.FirstOrDefault(t => t.Field is null || t.Field == name);

        var categories = new List<Value>();
        if (classification)
        {
            if (dataField is not null)
                categories.AddRange(new FieldDomain(dataField).ValidValues);
            foreach (var text in modelCategories.Concat(target?.Values.Select(v => v.Value).OfType<string>() ?? []))
            {
                var value = ValueParser.Parse(text, type);
                if (value.HasValue && !categories.Contains(value))
                    categories.Add(value);
            }
        }
        var plan = new TargetPlan(name, type, opType, categories.ToArray(), target)
        {
            ActualSlot = dataField is null ? -1 : context.Slots.FindIndex(s => s is InputSlot i && i.Field == dataField),
            Priors = target is { Values.Length: > 0 } && target.Values.Any(v => v.PriorProbability is not null)
                ? categories.Select(c => target.Values.FirstOrDefault(v => ValueParser.Parse(v.Value ?? "", type).Equals(c))?.PriorProbability ?? 0).ToArray()
                : null,
            DefaultValue = target?.Values.FirstOrDefault(v => v.DefaultValue is not null)?.DefaultValue is { } d ? Value.Of(d) : Value.Missing,
            DisplayValues = (target?.Values ?? []).Where(v => v.Value is not null && v.DisplayValue is not null)
                .Concat(dataField?.Values.Where(v => v.DisplayValue is not null).Select(v => new TargetValue(v.Value, v.DisplayValue, null, null)) ?? [])
                .GroupBy(v => ValueParser.Parse(v.Value!, type))
                .Where(g => g.Key.HasValue)
                .ToDictionary(g => g.Key, g => g.First().DisplayValue!),
        };
        return plan;
    }

    private OutputPlan[] PlanOutputs(ModelElement model, TargetPlan target, Scope outputScope)
    {
        var outputs = new List<OutputPlan>();
        foreach (var field in model.Output)
        {
            var type = field.DataType ?? (field.RuleSelection is { } rule ? RuleType(rule.Feature) : DefaultType(field.Feature, target));
            var opType = field.OpType ?? Planner.DefaultOpType(type);
            var category = field.Value is null ? Value.Missing
                : field.Feature is ResultFeature.Probability or ResultFeature.Confidence
                    ? ValueParser.Parse(field.Value, target.DataType)
                    : Value.Of(field.Value);
            if (field.Feature is ResultFeature.TransformedValue or ResultFeature.Decision && field.Expression is null)
                context.Error(MarkupProblemKind.MissingElement, $"OutputField '{field.Name}' with feature '{field.Feature}' requires an expression", field.Location);
            if (field.TargetField is { } t && t != target.FieldName && target.FieldName is not null)
                context.Error(MarkupProblemKind.InvalidAttribute, $"OutputField '{field.Name}' refers to target '{t}', which the model does not predict", field.Location);
            var expression = field.Expression is null ? null : expressions.Plan(field.Expression, outputScope);
            var slot = context.Add(new ResultSlot(field.Name, type, opType));
            outputScope.Bind(field.Name, slot);
            var segment = -1;
            if (field.SegmentId is { } segmentId)
            {
                segment = model is MiningModel mining ? mining.Segments.IndexOf(mining.Segments.FirstOrDefault(s => s.Id == segmentId)!) : -1;
                if (segment < 0)
                    context.Error(MarkupProblemKind.InvalidAttribute, $"OutputField '{field.Name}' refers to segment '{segmentId}', which this model does not have", field.Location);
            }
            outputs.Add(new OutputPlan(field, slot, type, opType, category, expression)
            {
                CategoryIndex = category.HasValue && segment < 0 ? target.IndexOf(category) : -1,
                SegmentIndex = segment,
            });
        }
        return outputs.ToArray();
    }

    private static DataType RuleType(RuleFeature feature) =>
        feature is RuleFeature.Antecedent or RuleFeature.Consequent or RuleFeature.Rule or RuleFeature.RuleId ? DataType.String : DataType.Double;

    private static DataType DefaultType(ResultFeature feature, TargetPlan target) => feature switch
    {
        ResultFeature.PredictedValue => target.DataType,
        ResultFeature.PredictedDisplayValue or ResultFeature.EntityId or ResultFeature.ClusterId or ResultFeature.Warning
            or ResultFeature.ReasonCode or ResultFeature.RuleId or ResultFeature.Antecedent or ResultFeature.Consequent
            or ResultFeature.Rule => DataType.String,
        ResultFeature.TransformedValue or ResultFeature.Decision => DataType.String,
        _ => DataType.Double,
    };
}
