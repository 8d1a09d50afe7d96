using PmmlEngine.Errors;
using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A lookup in an InlineTable by one or more input columns.</summary>
public sealed class MapValuesPlan(PlanExpression[] fields, Dictionary<RowKey, Value> table, Value mapMissingTo, Value defaultValue) : PlanExpression
{
    public PlanExpression[] Fields { get; } = fields;
    public Dictionary<RowKey, Value> Table { get; } = table;
    public Value MapMissingTo { get; } = mapMissingTo;
    public Value DefaultValue { get; } = defaultValue;
}
