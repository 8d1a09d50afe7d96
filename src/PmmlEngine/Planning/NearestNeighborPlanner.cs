using System.Globalization;
using PmmlEngine.Errors;
using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

internal sealed class NearestNeighborPlanner(ModelPlanner models)
{
    /// <summary>Below this many instances a linear scan is as fast as the tree.</summary>
    private const int IndexThreshold = 64;

    private PlanningContext Context => models.Context;

    public static IEnumerable<string> Categories(NearestNeighborModel model, string? target)
    {
        var column = model.InstanceFields.FirstOrDefault(f => f.Field == target).Column;
        return column is null ? [] : model.Instances.Rows.Select(r => r.GetValueOrDefault(column)).OfType<string>();
    }

    public NearestNeighborPlan Plan(NearestNeighborModel model, Scope scope, TargetPlan target, int[] active)
    {
        var binary = ComparisonMath.IsBinary(model.Measure.Measure);
        if (binary != (model.Measure.Kind == ComparisonKind.Similarity))
            Context.Error(MarkupProblemKind.InvalidAttribute,
                $"{model.Measure.Measure} is a {(binary ? "similarity" : "distance")} measure; ComparisonMeasure needs kind='{(binary ? "similarity" : "distance")}'", model.Measure.Location);
        var columns = model.InstanceFields.ToDictionary(f => f.Field, f => f.Column);
        var rows = model.Instances.Rows;
        var inputs = new List<KnnInputPlan>();
        var cells = rows.Select(_ => new Value[model.Inputs.Length]).ToArray();
        var points = rows.Select(_ => new double[model.Inputs.Length]).ToArray();
        for (var i = 0; i < model.Inputs.Length; i++)
        {
            var (field, weight, compareOverride) = model.Inputs[i];
            var slot = Context.Resolve(scope, field, model.Location, "KNNInput");
            var compare = compareOverride ?? model.Measure.CompareFunction;
            if (compare is CompareFunction.GaussSim or CompareFunction.Table)
                Context.Error(MarkupProblemKind.UnsupportedAttribute, $"KNNInput '{field}' uses compareFunction {compare}, which needs a similarity scale or matrix that KNNInput cannot give", model.Location);
            if (!columns.TryGetValue(field, out var column))
                Context.Error(MarkupProblemKind.MissingElement, $"KNNInput '{field}' has no InstanceField in TrainingInstances", model.Location);
            var type = Context.TypeOf(slot);
            var numeric = type is DataType.Double or DataType.Float or DataType.Integer;
            for (var r = 0; r < rows.Length; r++)
            {
                cells[r][i] = column is not null && rows[r].TryGetValue(column, out var text) ? ValueParser.Parse(text, type) : Value.Missing;
                points[r][i] = cells[r][i].TryGetNumber(out var x) ? x : double.NaN;
            }
            inputs.Add(new KnnInputPlan(slot, weight, compare, numeric));
        }

        var targetColumn = target.FieldName is { } name && columns.TryGetValue(name, out var t) ? t : null;
        if (target.FieldName is not null && targetColumn is null)
            Context.Error(MarkupProblemKind.MissingElement, $"target '{target.FieldName}' has no InstanceField in TrainingInstances", model.Location);
        var targetType = model.Function == MiningFunction.Classification ? target.DataType : DataType.Double;
        var idColumn = model.InstanceIdVariable is { } id ? columns.GetValueOrDefault(id, id) : null;
        var indexable = !binary && inputs.Count > 0 && rows.Length >= IndexThreshold && inputs.All(i => i.Numeric && i.Compare == CompareFunction.AbsDiff)
            && points.All(p => p.All(double.IsFinite));
        return new NearestNeighborPlan
        {
            Element = model,
            Target = target,
            ActiveSlots = active,
            K = Math.Max(1, Math.Min(model.NumberOfNeighbors, rows.Length)),
            Measure = model.Measure,
            Power = ComparisonMath.Power(model.Measure),
            Inputs = inputs.ToArray(),
            Cells = cells,
            Points = points,
            Targets = rows.Select(r => targetColumn is not null && r.TryGetValue(targetColumn, out var v) ? ValueParser.Parse(v, targetType) : Value.Missing).ToArray(),
            Ids = rows.Select((r, k) => idColumn is not null && r.TryGetValue(idColumn, out var v) ? v : (k + 1).ToString(CultureInfo.InvariantCulture)).ToArray(),
            ContinuousScoring = model.ContinuousScoringMethod,
            WeightedVote = model.WeightedMajorityVote,
            Threshold = model.Threshold,
            Index = indexable ? new KdTree(points, inputs.Count) : null,
        };
    }
}
