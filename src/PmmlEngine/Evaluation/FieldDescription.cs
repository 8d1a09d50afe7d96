using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Evaluation;

/// <summary>
/// A field as a caller sees it: name, type and its values: an input's valid values and intervals, a target's categories,
/// the values a text output of the predicted value or its display value takes (see <see cref="ResultCategories"/>).
/// </summary>
public sealed record FieldDescription(
    string Name,
    DataType DataType,
    OpType OpType,
    IReadOnlyList<object?> Values,
    IReadOnlyList<Interval> Intervals,
    ResultFeature? Feature = null)
{
    public override string ToString() =>
        $"{Name} ({OpType.ToString().ToLowerInvariant()} {DataType.ToString().ToLowerInvariant()}"
        + (Values.Count > 0 ? ": " + string.Join(", ", Values.Select(ValueFormatter.Format)) : "")
        + (Intervals.Count > 0 ? ": " + string.Join(" ∪ ", Intervals.Select(Format)) : "") + ")";

    private static string Format(Interval i) =>
        (i.Closure is IntervalClosure.ClosedClosed or IntervalClosure.ClosedOpen ? "[" : "(")
        + ValueFormatter.FormatNumber(i.Left) + ", " + ValueFormatter.FormatNumber(i.Right)
        + (i.Closure is IntervalClosure.ClosedClosed or IntervalClosure.OpenClosed ? "]" : ")");
}
