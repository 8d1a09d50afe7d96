using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

public sealed class CompoundPredicatePlan(BooleanOperator op, PredicatePlan[] parts) : PredicatePlan
{
    public BooleanOperator Operator { get; } = op;
    public PredicatePlan[] Parts { get; } = parts;
}
