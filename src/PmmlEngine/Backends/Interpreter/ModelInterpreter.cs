using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>Evaluates any planned model, applies its Targets and writes its OutputFields to their slots.</summary>
internal static class ModelInterpreter
{
    public static ModelResult Evaluate(ModelPlan model, RowContext row)
    {
        // Segmentations nest models within models.
        if (!StackGuard.HasRoom())
            return StackGuard.Continue(static s => Evaluate(s.model, s.row), (model, row), model.Element.Location);
        var result = Score(model, row);
        ApplyTargets(model, result);
        OutputInterpreter.Write(model, result, row);
        return result;
    }

    /// <summary>The family's own result, before Targets and OutputFields.</summary>
    internal static ModelResult Score(ModelPlan model, RowContext row) => model switch
    {
        TreePlan tree => TreeInterpreter.Evaluate(tree, row),
        RegressionPlan regression => RegressionInterpreter.Evaluate(regression, row),
        EnsemblePlan ensemble => EnsembleInterpreter.Evaluate(ensemble, row),
        RuleSetPlan rules => RuleSetInterpreter.Evaluate(rules, row),
        NeuralNetworkPlan network => NeuralNetworkInterpreter.Evaluate(network, row),
        ScorecardPlan scorecard => ScorecardInterpreter.Evaluate(scorecard, row),
        SupportVectorMachinePlan svm => SupportVectorMachineInterpreter.Evaluate(svm, row),
        NaiveBayesPlan bayes => NaiveBayesInterpreter.Evaluate(bayes, row),
        GeneralRegressionPlan glm => GeneralRegressionInterpreter.Evaluate(glm, row),
        NearestNeighborPlan knn => NearestNeighborInterpreter.Evaluate(knn, row),
        AssociationPlan association => Rules(association, new AssociationMatch(association), row),
        AnomalyDetectionPlan anomaly => AnomalyDetectionInterpreter.Evaluate(anomaly, row),
        GaussianProcessPlan gp => GaussianProcessInterpreter.Evaluate(gp, row),
        BaselinePlan baseline => BaselineInterpreter.Evaluate(baseline, row),
        TimeSeriesPlan series => TimeSeriesInterpreter.Evaluate(series, row),
        BayesianNetworkPlan network => BayesianNetworkInterpreter.Evaluate(network, row),
        TextModelPlan text => TextModelInterpreter.Evaluate(text, row),
        SequencePlan sequence => Rules(sequence, new SequenceMatch(sequence), row),
        ClusteringPlan clustering => ClusteringInterpreter.Evaluate(clustering, row),
        _ => throw new InvalidOperationException($"unknown model plan {model.GetType().Name}"),
    };

    /// <summary>AssociationModel and SequenceModel: no prediction, only the rules the record's items match.</summary>
    private static ModelResult Rules(ModelPlan model, IRuleMatch match, RowContext row)
    {
        match.Read(row);
        return new ModelResult(model.Target) { Rules = match };
    }

    /// <summary>
    /// PMML 4.4 Targets: a regression prediction is clamped to min/max, multiplied by rescaleFactor, shifted by
    /// rescaleConstant and cast; a missing prediction takes the default value or, for classification, the priors.
    /// </summary>
    internal static void ApplyTargets(ModelPlan model, ModelResult result)
    {
        var plan = model.Target;
        if (model.Function == MiningFunction.Classification)
        {
            if (result.Predicted.IsMissing && plan.Priors is { } priors)
                result.SetDistribution((double[])priors.Clone());
            return;
        }
        if (result.Predicted.IsMissing)
        {
            result.Predicted = plan.DefaultValue;
            return;
        }
        if (plan.Target is not { } target || !result.Predicted.TryGetNumber(out var y))
            return;
        if (target.Min is { } min) y = Math.Max(y, min);
        if (target.Max is { } max) y = Math.Min(y, max);
        if (model is EnsemblePlan { IsFloat: true, Method: MultipleModelMethod.Sum } ensemble && EnsembleInterpreter.BaseScore(ensemble) != 0)
            return;
        y = model.IsFloat
            ? (float)((float)y * (float)target.RescaleFactor) + (float)target.RescaleConstant
            : y * target.RescaleFactor + target.RescaleConstant;
        if (model.IsFloat)
            y = (float)y;
        y = target.CastInteger switch
        {
            CastInteger.Round => Math.Floor(y + 0.5),
            CastInteger.Ceiling => Math.Ceiling(y),
            CastInteger.Floor => Math.Floor(y),
            _ => y,
        };
        result.Predicted = Value.Of(y);
    }
}
