using PmmlEngine.Errors;
using PmmlEngine.Functions;
using PmmlEngine.Model;

namespace PmmlEngine.Planning;

internal sealed class TextModelPlanner(ModelPlanner models)
{
    public TextModelPlan Plan(TextModel model, Scope scope, TargetPlan target, int[] active)
    {
        var context = models.Context;
        if (active.Length != 1)
            context.Error(MarkupProblemKind.InvalidElement, $"a TextModel has one active field, the text; found {active.Length}", model.Location);
        var terms = model.Terms.ToArray();
        var matrix = model.DocumentTerms.Select(r => r.ToArray()).ToArray();
        if (matrix.Length != model.Documents.Length || matrix.Any(r => r.Length != terms.Length))
            context.Error(MarkupProblemKind.InvalidElement,
                $"the DocumentTermMatrix must have one row per TextDocument ({model.Documents.Length}) and one column per term ({terms.Length})", model.Location);
        var documents = matrix.Length;
        var global = new double[terms.Length];
        for (var t = 0; t < terms.Length; t++)
        {
            var frequencies = matrix.Select(r => t < r.Length ? r[t] : 0).ToArray();
            var df = frequencies.Count(f => f > 0);
            global[t] = model.GlobalWeights switch
            {
                TextGlobalWeights.None => 1,
                TextGlobalWeights.Gfidf => df == 0 ? 0 : frequencies.Sum() / df,
                TextGlobalWeights.Normal => frequencies.Sum(f => f * f) is var squares and > 0 ? 1 / Math.Sqrt(squares) : 0,
                TextGlobalWeights.ProbabilisticInverse => df == 0 || df == documents ? 0 : Math.Log((documents - df) / (double)df),
                _ => df == 0 ? 0 : Math.Log(documents / (double)df),
            };
        }
        // The indexer counts; local weights are applied to the counts on both sides alike (TextModelMath.LocalWeight).
        var options = new TextIndexOptions(false, 0, CountHits.AllHits, LocalTermWeights.TermFrequency, @"\s+", null, true);
        var weighted = matrix.Select(row =>
        {
            var vector = row.Select((f, t) => t < global.Length ? TextModelMath.LocalWeight(model.LocalWeights, f, row.Max()) * global[t] : 0).ToArray();
            return model.CosineNormalization ? TextModelMath.Normalize(vector) : vector;
        }).ToArray();
        return new TextModelPlan
        {
            Element = model,
            Target = target,
            ActiveSlots = active,
            TextSlot = active.Length > 0 ? active[0] : -1,
            Terms = terms,
            Indexer = new TextIndexer(options, []),
            GlobalWeights = global,
            Documents = weighted,
            DocumentIds = model.Documents.Select(d => d.Id).ToArray(),
            DocumentNames = model.Documents.Select(d => d.Name ?? d.Id).ToArray(),
            LocalWeights = model.LocalWeights,
            Normalize = model.CosineNormalization,
            Cosine = model.CosineSimilarity,
        };
    }
}
