using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

internal static class PredicateInterpreter
{
    public static Truth Evaluate(PredicatePlan predicate, RowContext row)
    {
        switch (predicate)
        {
            case SimplePredicatePlan s:
                return Simple(s, row);
            case SetPredicatePlan s:
                var value = row.Get(s.Slot);
                if (!value.HasValue)
                    return Truth.Unknown;
                return s.Values.Contains(value) == s.IsIn ? Truth.True : Truth.False;
            case CompoundPredicatePlan c:
                return StackGuard.HasRoom() ? Compound(c, row) : StackGuard.Continue(static s => Compound(s.c, s.row), (c, row));
            case ConstantPredicatePlan c:
                return c.Value ? Truth.True : Truth.False;
            default:
                throw new InvalidOperationException($"unknown predicate {predicate.GetType().Name}");
        }
    }

    private static Truth Simple(SimplePredicatePlan s, RowContext row)
    {
        var value = row.Get(s.Slot);
        switch (s.Operator)
        {
            case ComparisonOperator.IsMissing:
                return value.IsMissing ? Truth.True : Truth.False;
            case ComparisonOperator.IsNotMissing:
                return value.IsMissing ? Truth.False : Truth.True;
        }
        if (!value.HasValue)
            return Truth.Unknown;
        return Compare(s, value) ? Truth.True : Truth.False;
    }

    /// <summary>The comparison of a present value with the predicate's constant.</summary>
    internal static bool Compare(SimplePredicatePlan s, Value value)
    {
        int comparison;
        if (s.CompareAsFloat && value.TryGetNumber(out var x))
            comparison = ((float)x).CompareTo((float)s.Constant.Number);
        else if (s.Operator is ComparisonOperator.Equal or ComparisonOperator.NotEqual)
            comparison = value.Equals(s.Constant) ? 0 : 1;
        else
            comparison = value.CompareTo(s.Constant);
        return s.Operator switch
        {
            ComparisonOperator.Equal => comparison == 0,
            ComparisonOperator.NotEqual => comparison != 0,
            ComparisonOperator.LessThan => comparison < 0,
            ComparisonOperator.LessOrEqual => comparison <= 0,
            ComparisonOperator.GreaterThan => comparison > 0,
            _ => comparison >= 0,
        };
    }

    private static Truth Compound(CompoundPredicatePlan c, RowContext row)
    {
        switch (c.Operator)
        {
            case BooleanOperator.And:
                var andResult = Truth.True;
                foreach (var part in c.Parts)
                {
                    var t = Evaluate(part, row);
                    if (t == Truth.False) return Truth.False;
                    if (t == Truth.Unknown) andResult = Truth.Unknown;
                }
                return andResult;
            case BooleanOperator.Or:
                var orResult = Truth.False;
                foreach (var part in c.Parts)
                {
                    var t = Evaluate(part, row);
                    if (t == Truth.True) return Truth.True;
                    if (t == Truth.Unknown) orResult = Truth.Unknown;
                }
                return orResult;
            case BooleanOperator.Xor:
                var parity = false;
                foreach (var part in c.Parts)
                {
                    var t = Evaluate(part, row);
                    if (t == Truth.Unknown) return Truth.Unknown;
                    parity ^= t == Truth.True;
                }
                return parity ? Truth.True : Truth.False;
            default:
                // surrogate: the first predicate that can be decided decides.
                foreach (var part in c.Parts)
                {
                    var t = Evaluate(part, row);
                    if (t != Truth.Unknown) return t;
                }
                return Truth.Unknown;
        }
    }
}
