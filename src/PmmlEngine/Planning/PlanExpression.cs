using PmmlEngine.Errors;
using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>
/// A node of the typed IR of expressions: field names are already slot or parameter indices, constants already values of
/// their type, functions already resolved. Backends switch over these sealed types.
/// </summary>
public abstract class PlanExpression
{
    public static readonly PlanExpression MissingConstant = new ConstantPlan(Value.Missing);
}
