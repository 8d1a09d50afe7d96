using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Evaluation;

/// <summary>
/// The values a categorical result is listed with (<see cref="FieldDescription.Values"/>) and written as the index of in
/// batch layouts: a target's categories; for a text output of the top model's predicted value or its display value, the
/// values that output takes (a classifier's categories or their display values, a clustering's cluster ids or names) in
/// the output's type, as RapidMiner's prediction(…) and cluster outputs are. Null for any other result: a number stays a
/// number, and text that no list holds (a concatenation, a rule) has no code.
/// </summary>
internal static class ResultCategories
{
    public static Value[]? Of(DocumentPlan plan, PublicField field)
    {
        var model = plan.Model;
        if (plan.Targets.Contains(field))
            return model.Target.Categories.Length > 0 ? model.Target.Categories : null;
        if (field.DataType != DataType.String || Array.Find(model.Outputs, o => o.Name == field.Name) is not { SegmentIndex: < 0 } output)
            return null;
        var values = (output.Field.Feature, model) switch
        {
            (ResultFeature.PredictedValue, ClusteringPlan clustering) => Array.ConvertAll(clustering.Clusters, c => Value.Of(c.Id)),
            (ResultFeature.PredictedDisplayValue, ClusteringPlan clustering) => Array.ConvertAll(clustering.Clusters, c => Value.Of(c.DisplayName)),
            (ResultFeature.PredictedValue, _) => model.Target.Categories,
            // As the output interpreter names a category: its Targets display value, else its text.
            (ResultFeature.PredictedDisplayValue, not TextModelPlan) => Array.ConvertAll(model.Target.Categories, c =>
                Value.Of(model.Target.DisplayValues.TryGetValue(c, out var display) ? display : c.ToString())),
            _ => [],
        };
        return values.Length > 0 ? Texts(values) : null;
    }

    // The values as text, each once: two categories that read as one text (1 and 1.0) are one code. Plain loops, as LINQ
    // over values is generic code compiled at load.
    private static Value[] Texts(Value[] values)
    {
        var texts = new Value[values.Length];
        var count = 0;
        foreach (var value in values)
        {
            var text = ValueParser.Convert(value, DataType.String);
            var seen = false;
            for (var k = 0; k < count && !seen; k++)
                seen = texts[k].Equals(text);
            if (!seen)
                texts[count++] = text;
        }
        return count == texts.Length ? texts : texts[..count];
    }
}
