using PmmlEngine.Evaluation;

namespace PmmlEngine.Interop;

/// <summary>One host thread's scorer for one evaluator, with the array its results are gathered in before encoding.</summary>
internal sealed class Session(PmmlEvaluator evaluator)
{
    public PmmlEvaluator Evaluator { get; } = evaluator;

    public RowScorer Scorer { get; } = evaluator.CreateScorer();

    public object?[] Results { get; } = new object?[evaluator.ResultNames.Count];
}
