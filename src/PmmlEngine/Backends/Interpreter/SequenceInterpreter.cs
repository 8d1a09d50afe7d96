using PmmlEngine.Planning;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>PMML 4.4 SequenceModel: no prediction; the record's transactions decide which rules its OutputFields report.</summary>
internal static class SequenceInterpreter
{
    public static ModelResult Evaluate(SequencePlan plan, RowContext row)
    {
        var result = new ModelResult(plan.Target);
        Score(row, result, new SequenceMatch(plan));
        return result;
    }

    internal static void Score(RowContext row, ModelResult result, SequenceMatch match)
    {
        match.Read(row);
        result.Rules = match;
    }
}
