using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>Derives each OutputField from the model result, in document order, so later fields can use earlier ones.</summary>
internal static class OutputInterpreter
{
    /// <summary>Writes every output; <paramref name="expressions"/> computes compiled output expressions by position.</summary>
    public static void Write(ModelPlan model, ModelResult result, RowContext row, Func<RowContext, int, Value>?[]? expressions = null)
    {
        var outputs = model.Outputs;
        for (var i = 0; i < outputs.Length; i++)
            row.Set(outputs[i].Slot, Result(outputs[i], i, result, row, expressions?[i]));
    }

    /// <summary>Output <paramref name="position"/>'s value as <see cref="Write"/> sets it.</summary>
    internal static Value Result(OutputPlan output, int position, ModelResult result, RowContext row, Func<RowContext, int, Value>? expression = null) =>
        ValueParser.Convert(Compute(output, position, result, row, expression), output.DataType);

    private static Value Compute(OutputPlan output, int position, ModelResult result, RowContext row, Func<RowContext, int, Value>? expression)
    {
        if (output.SegmentIndex >= 0)
        {
            // A segment-level output reports that segment's own result, if it was scored for this record.
            if (result.Segments?[output.SegmentIndex] is not { } segment)
                return Value.Missing;
            result = segment;
        }
        var target = result.Target;
        switch (output.Field.Feature)
        {
            case ResultFeature.PredictedValue:
                return result.Predicted;
            case ResultFeature.PredictedDisplayValue:
                return !result.Predicted.HasValue ? Value.Missing
                    : result.DisplayValue is { } chosen ? Value.Of(chosen)
                    : target.DisplayValues.TryGetValue(result.Predicted, out var display) ? Value.Of(display) : Value.Of(result.Predicted.ToString());
            case ResultFeature.Probability:
                return Lookup(result.Probabilities, output, result);
            case ResultFeature.Confidence:
                return Lookup(result.Confidences ?? result.Probabilities, output, result);
            case ResultFeature.TransformedValue:
            case ResultFeature.Decision:
                return expression is not null ? expression(row, position)
                    : output.Expression is null ? Value.Missing : ExpressionInterpreter.Evaluate(output.Expression, row, []);
            case ResultFeature.EntityId:
                if (output.Field.Rank == 1)
                    return result.EntityId is null ? Value.Missing : Value.Of(result.EntityId);
                return result.EntityAtRank(output.Field.Rank) is var ranked and >= 0 ? Value.Of(result.EntityIds![ranked]) : Value.Missing;
            case ResultFeature.ClusterId:
                return result.EntityAtRank(output.Field.Rank) is var cluster and >= 0 ? Value.Of(cluster + 1) : Value.Missing;
            case ResultFeature.RuleValue or ResultFeature.Antecedent or ResultFeature.Consequent or ResultFeature.Rule
                or ResultFeature.RuleId or ResultFeature.Support or ResultFeature.Lift or ResultFeature.Leverage:
                return result.Rules is { } match && output.Field.RuleSelection is { } selection
                    ? match.Report(selection, output.Field.Rank)
                    : output.Field.Feature == ResultFeature.RuleId && result.EntityId is { } rule ? Value.Of(rule) : Value.Missing;
            case ResultFeature.StandardDeviation:
                return result.StandardDeviation is { } deviation ? Value.Of(deviation) : Value.Missing;
            case ResultFeature.StandardError:
                return result.StandardError is { } error ? Value.Of(error) : Value.Missing;
            case ResultFeature.ConfidenceIntervalLower:
            case ResultFeature.ConfidenceIntervalUpper:
                return Interval(output, result);
            case ResultFeature.ReasonCode:
                return result.ReasonCodes?.At(output.Field.Rank) is { } code ? Value.Of(code) : Value.Missing;
            case ResultFeature.Affinity:
            case ResultFeature.EntityAffinity:
            case ResultFeature.ClusterAffinity:
                return Affinity(output, result);
            case ResultFeature.Residual:
                return Residual(result, row);
            case ResultFeature.Warning:
                return result.Warnings is null ? Value.Missing : Value.Of(string.Join("; ", result.Warnings));
            default:
                // Features of other model families (clusters, rules, reason codes, standard errors) do not apply here.
                return Value.Missing;
        }
    }

    private static Value Lookup(double[]? distribution, OutputPlan output, ModelResult result)
    {
        if (distribution is null || !result.Predicted.HasValue && output.Category.IsMissing)
            return Value.Missing;
        var index = output.Category.IsMissing ? result.Target.IndexOf(result.Predicted)
            : output.SegmentIndex >= 0 ? result.Target.IndexOf(output.Category) : output.CategoryIndex;
        // A category the model knows but that no node or table mentions has probability 0.
        return index < 0 ? Value.Of(0.0) : Value.Of(distribution[index]);
    }

    /// <summary>The affinity of the entity the value attribute names, else of the entity at the output's rank.</summary>
    private static Value Affinity(OutputPlan output, ModelResult result)
    {
        if (result.Affinities is not { } affinities)
            return Value.Missing;
        var index = output.Field.Value is { } id ? Array.IndexOf(result.EntityIds!, id)
            : result.EntityAtRank(output.Field.Feature == ResultFeature.ClusterAffinity ? 1 : output.Field.Rank);
        return index < 0 ? Value.Missing : Value.Of(affinities[index]);
    }

    /// <summary>
    /// prediction ∓ z·(standard error, else standard deviation), z the normal quantile of the level in the value
    /// attribute (95 or 0.95; 95% when absent).
    /// </summary>
    private static Value Interval(OutputPlan output, ModelResult result)
    {
        if (!result.Predicted.TryGetNumber(out var predicted) || (result.StandardError ?? result.StandardDeviation) is not { } spread)
            return Value.Missing;
        var level = output.Field.Value is { } text && Types.ValueParser.TryParseDouble(text, out var l) ? l > 1 ? l / 100 : l : 0.95;
        var z = Functions.Distributions.StdNormalIdf(0.5 + level / 2);
        return Value.Of(output.Field.Feature == ResultFeature.ConfidenceIntervalLower ? predicted - z * spread : predicted + z * spread);
    }

    private static Value Residual(ModelResult result, RowContext row)
    {
        if (result.Target.ActualSlot < 0)
            return Value.Missing;
        var actual = row.Get(result.Target.ActualSlot);
        if (!actual.HasValue || !result.Predicted.HasValue)
            return Value.Missing;
        if (result.Probabilities is { } probabilities)
        {
            var index = result.Target.IndexOf(actual);
            return Value.Of(1.0 - (index < 0 ? 0 : probabilities[index]));
        }
        return actual.TryGetNumber(out var a) && result.Predicted.TryGetNumber(out var p) ? Value.Of(a - p) : Value.Missing;
    }
}
