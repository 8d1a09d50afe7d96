using PmmlEngine.Planning;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>PMML 4.4 AssociationModel: no prediction; the record's items decide which rules its OutputFields report.</summary>
internal static class AssociationInterpreter
{
    public static ModelResult Evaluate(AssociationPlan plan, RowContext row)
    {
        var result = new ModelResult(plan.Target);
        Score(row, result, new AssociationMatch(plan));
        return result;
    }

    internal static void Score(RowContext row, ModelResult result, AssociationMatch match)
    {
        match.Read(row);
        result.Rules = match;
    }
}
