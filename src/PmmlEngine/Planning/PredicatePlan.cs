using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A predicate over slots. Evaluates to true, false or unknown (a missing operand).</summary>
public abstract class PredicatePlan
{
    public static readonly PredicatePlan AlwaysTrue = new ConstantPredicatePlan(true);
}
