using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Xml;

/// <summary>Reads any model element: the shared parts here, each family's own parts in its parser.</summary>
internal static class ModelParser
{
    /// <summary>Every model element the engine reads, with its family's parser: the dispatch table and the registry
    /// that <see cref="Support.SupportedFeatures"/> documents.</summary>
    public static IReadOnlyDictionary<string, Func<ParseContext, XElement, ModelElement>> Families { get; } =
        new Dictionary<string, Func<ParseContext, XElement, ModelElement>>(StringComparer.Ordinal)
    {
        ["AnomalyDetectionModel"] = AnomalyDetectionParser.Parse,
        ["AssociationModel"] = AssociationModelParser.Parse,
        ["BaselineModel"] = BaselineModelParser.Parse,
        ["BayesianNetworkModel"] = BayesianNetworkParser.Parse,
        ["ClusteringModel"] = ClusteringModelParser.Parse,
        ["GaussianProcessModel"] = GaussianProcessParser.Parse,
        ["GeneralRegressionModel"] = GeneralRegressionParser.Parse,
        ["MiningModel"] = MiningModelParser.Parse,
        ["NaiveBayesModel"] = NaiveBayesParser.Parse,
        ["NearestNeighborModel"] = NearestNeighborParser.Parse,
        ["NeuralNetwork"] = NeuralNetworkParser.Parse,
        ["RegressionModel"] = RegressionModelParser.Parse,
        ["RuleSetModel"] = RuleSetModelParser.Parse,
        ["Scorecard"] = ScorecardParser.Parse,
        ["SequenceModel"] = SequenceModelParser.Parse,
        ["SupportVectorMachineModel"] = SupportVectorMachineParser.Parse,
        ["TextModel"] = TextModelParser.Parse,
        ["TimeSeriesModel"] = TimeSeriesModelParser.Parse,
        ["TreeModel"] = TreeModelParser.Parse,
    };

    public static bool IsModelElement(string localName) => Families.ContainsKey(localName);

    public static ModelElement? Parse(ParseContext context, XElement element)
    {
        var name = element.Name.LocalName;
        if (Families.TryGetValue(name, out var parse))
            return parse(context, element);
        context.Report(MarkupProblemKind.UnsupportedElement, element, $"unknown model element {name}");
        return null;
    }

    /// <summary>Fills the properties every model shares.</summary>
    public static T WithCommon<T>(ParseContext context, XElement element, T model) where T : ModelElement
    {
        var schema = element.Child("MiningSchema");
        if (schema is null)
            context.Report(MarkupProblemKind.MissingElement, element, $"{element.Name.LocalName} requires a MiningSchema");
        return model with
        {
            ModelName = element.Attr("modelName"),
            AlgorithmName = element.Attr("algorithmName"),
            Output = element.Child("Output") is { } output ? ParseOutput(context, output) : [],
            Targets = element.Child("Targets") is { } targets ? ParseTargets(context, targets) : [],
            LocalTransformations = DictionaryParser.ParseDerivedFields(context, element.Child("LocalTransformations")),
            Verification = element.Child("ModelVerification") is { } verification ? ParseVerification(context, verification) : null,
            MathContext = context.Enum(element, "x-mathContext", MathContext.Double),
            IsScorable = context.Boolean(element, "isScorable", true),
        };
    }

    public static ScoreDistribution ParseScoreDistribution(ParseContext context, XElement element) =>
        new(context.Required(element, "value"), context.RequiredNumber(element, "recordCount"),
            context.OptionalNumber(element, "confidence"), context.OptionalNumber(element, "probability"));

    public static MiningFunction Function(ParseContext context, XElement element)
    {
        if (element.Attribute("functionName") is null)
            context.Report(MarkupProblemKind.MissingAttribute, element, $"{element.Name.LocalName} requires attribute 'functionName'");
        return context.Enum(element, "functionName", MiningFunction.Regression);
    }

    public static ImmutableArray<MiningField> ParseMiningSchema(ParseContext context, XElement model)
    {
        var schema = model.Child("MiningSchema");
        if (schema is null)
            return [];
        var fields = ImmutableArray.CreateBuilder<MiningField>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in schema.Children("MiningField"))
        {
            if (field.Attr("name") is { } name && !names.Add(name))
                context.Report(MarkupProblemKind.InvalidElement, field, $"MiningField '{name}' is listed twice");
            // PMML 3.x calls the target usage "predicted".
            var usage = field.Attr("usageType") == "predicted" ? UsageType.Target : context.Enum(field, "usageType", UsageType.Active);
            var treatment = context.Enum(field, "invalidValueTreatment", InvalidValueTreatment.ReturnInvalid);
            var invalidReplacement = field.Attr("invalidValueReplacement");
            if (treatment == InvalidValueTreatment.AsValue && invalidReplacement is null)
                context.Report(MarkupProblemKind.MissingAttribute, field, "invalidValueTreatment='asValue' requires attribute 'invalidValueReplacement'");
            fields.Add(new MiningField(context.Required(field, "name"), usage, context.OptionalEnum<OpType>(field, "optype"),
                context.Enum(field, "outliers", OutlierTreatment.AsIs), context.OptionalNumber(field, "lowValue"),
                context.OptionalNumber(field, "highValue"), field.Attr("missingValueReplacement"),
                context.Enum(field, "missingValueTreatment", MissingValueTreatment.AsIs), treatment, invalidReplacement, field.Where()));
        }
        return fields.ToImmutable();
    }

    private static ImmutableArray<OutputField> ParseOutput(ParseContext context, XElement output) =>
        output.Children("OutputField").Select(field => new OutputField(
            context.Required(field, "name"),
            field.Attr("displayName"),
            context.OptionalEnum<OpType>(field, "optype"),
            context.OptionalDataType(field),
            field.Attr("targetField"),
            context.Enum(field, "feature", ResultFeature.PredictedValue),
            field.Attr("value"),
            context.Integer(field, "rank", 1),
            context.Boolean(field, "isFinalResult", true),
            field.Attr("segmentId"),
            ExpressionParser.ParseOptional(context, field),
            field.Where())
        {
            RuleSelection = RuleSelection(context, field),
        }).ToImmutableArray();

    /// <summary>
    /// Association outputs: feature ruleValue says which rule feature it reports; the PMML 3 features antecedent,
    /// consequent, rule, ruleId, support, lift, leverage report that feature directly.
    /// </summary>
    private static RuleSelection? RuleSelection(ParseContext context, XElement field)
    {
        var feature = context.Enum(field, "feature", ResultFeature.PredictedValue);
        RuleFeature? direct = feature switch
        {
            ResultFeature.Antecedent => RuleFeature.Antecedent,
            ResultFeature.Consequent => RuleFeature.Consequent,
            ResultFeature.Rule => RuleFeature.Rule,
            ResultFeature.RuleId => RuleFeature.RuleId,
            ResultFeature.Support => RuleFeature.Support,
            ResultFeature.Lift => RuleFeature.Lift,
            ResultFeature.Leverage => RuleFeature.Leverage,
            _ => null,
        };
        if (feature != ResultFeature.RuleValue && direct is null)
            return null;
        return new RuleSelection(
            context.Enum(field, "algorithm", AssociationAlgorithm.ExclusiveRecommendation),
            direct ?? context.Enum(field, "ruleFeature", RuleFeature.Consequent),
            context.Enum(field, "rankBasis", RuleFeature.Confidence),
            field.Attr("rankOrder") == "ascending",
            context.Boolean(field, "isMultiValued", false));
    }

    private static ImmutableArray<Target> ParseTargets(ParseContext context, XElement targets) =>
        targets.Children("Target").Select(target => new Target(
            target.Attr("field"),
            context.OptionalEnum<OpType>(target, "optype"),
            context.OptionalEnum<CastInteger>(target, "castInteger"),
            context.OptionalNumber(target, "min"),
            context.OptionalNumber(target, "max"),
            context.Number(target, "rescaleFactor", 1.0),
            context.Number(target, "rescaleConstant", 0.0),
            target.Children("TargetValue").Select(v => new TargetValue(v.Attr("value"), v.Attr("displayValue"),
                context.OptionalNumber(v, "priorProbability"), context.OptionalNumber(v, "defaultValue"))).ToImmutableArray()))
        .ToImmutableArray();

    private static ModelVerification ParseVerification(ParseContext context, XElement verification)
    {
        var fields = (verification.Child("VerificationFields")?.Children("VerificationField") ?? [])
            .Select(f => new VerificationField(context.Required(f, "field"), StripPrefix(f.Attr("column") ?? f.Attr("field") ?? ""),
                context.Number(f, "precision", 1e-6), context.Number(f, "zeroThreshold", 1e-16)))
            .ToImmutableArray();
        var table = verification.Child("InlineTable");
        return new ModelVerification(fields, table is null ? new InlineTable([]) : InlineTableParser.Parse(table), verification.Where());
    }

    // Columns are written as qualified names (data:Age); the cells were read by local name.
    private static string StripPrefix(string column) => column[(column.IndexOf(':') + 1)..];
}
