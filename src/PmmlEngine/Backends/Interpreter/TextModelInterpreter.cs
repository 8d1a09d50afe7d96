using PmmlEngine.Functions;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// PMML 4.4 TextModel: the record's text becomes a term vector (local weight of each dictionary term's count times its
/// global weight, normalized like the corpus), compared with every document by cosine similarity (higher is closer) or
/// euclidean distance (lower is closer). The closest document is the prediction (its id; its name is the display value);
/// entityId and affinity outputs rank the documents. A missing text means no prediction.
/// </summary>
internal static class TextModelInterpreter
{
    public static ModelResult Evaluate(TextModelPlan plan, RowContext row)
    {
        var result = new ModelResult(plan.Target);
        Score(plan, row, result, new double[plan.Terms.Length], new double[plan.Documents.Length]);
        return result;
    }

    internal static void Score(TextModelPlan plan, RowContext row, ModelResult result, double[] vector, double[] affinities)
    {
        var text = row.Get(plan.TextSlot);
        if (!text.HasValue)
            return;
        var document = text.ToString();
        var maximum = 0.0;
        for (var t = 0; t < plan.Terms.Length; t++)
            maximum = Math.Max(maximum, vector[t] = plan.Indexer.Frequency(document, plan.Terms[t]));
        for (var t = 0; t < plan.Terms.Length; t++)
            vector[t] = TextModelMath.LocalWeight(plan.LocalWeights, vector[t], maximum) * plan.GlobalWeights[t];
        if (plan.Normalize)
        {
            var squares = 0.0;
            foreach (var v in vector)
                squares += v * v;
            var length = Math.Sqrt(squares);
            if (length > 0)
                for (var t = 0; t < vector.Length; t++)
                    vector[t] /= length;
        }
        var best = -1;
        for (var d = 0; d < plan.Documents.Length; d++)
        {
            affinities[d] = plan.Cosine ? TextModelMath.Cosine(vector, plan.Documents[d]) : TextModelMath.Euclidean(vector, plan.Documents[d]);
            if (best < 0 || (plan.Cosine ? affinities[d] > affinities[best] : affinities[d] < affinities[best]))
                best = d;
        }
        if (best < 0)
            return;
        result.Affinities = affinities;
        result.EntityIds = plan.DocumentIds;
        result.LowerIsCloser = !plan.Cosine;
        result.EntityIndex = best;
        result.EntityId = plan.DocumentIds[best];
        result.Predicted = Value.Of(plan.DocumentIds[best]);
        result.DisplayValue = plan.DocumentNames[best];
    }
}
