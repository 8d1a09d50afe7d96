using PmmlEngine.Errors;
using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>The frequency of a term in a text (PMML 4.4 Text Indexing), with the normalisations applied to both.</summary>
public sealed class TextIndexPlan(PlanExpression text, PlanExpression term, TextIndexer indexer) : PlanExpression
{
    public PlanExpression Text { get; } = text;
    public PlanExpression Term { get; } = term;
    public TextIndexer Indexer { get; } = indexer;
}
