using System.Text;
using PmmlEngine.Evaluation;
using PmmlEngine.Types;

namespace PmmlEngine.Interop;

/// <summary>
/// Describes an evaluator to the host as text (parsed by FieldCatalog.java): records separated by U+001D, fields by
/// U+001F, list items by U+001E; separators that cannot occur in PMML names or values. Records:
/// model·type·function·backend·fallbacks, input·name·dataType·opType·values·intervals,
/// target·name·dataType·opType·categories, output·name·dataType·opType·feature·categories. Enum values are the engine's
/// names (DateDaysSince1970); values are in their text form, in the order batch scoring indexes categories.
/// </summary>
internal static class FieldCatalog
{
    private const char Record = '\u001D', Field = '\u001F', Item = '\u001E';

    public static string Describe(PmmlEvaluator evaluator)
    {
        var text = new StringBuilder();
        Append(text, "model", evaluator.ModelType, evaluator.Function.ToString(), evaluator.Backend.ToString(),
            string.Join(Item, evaluator.CompilationFallbacks));
        foreach (var input in evaluator.InputFields)
            Append(text, "input", input.Name, input.DataType.ToString(), input.OpType.ToString(), Items(input.Values),
                string.Join(Item, input.Intervals.Select(i =>
                    $"{i.Closure} {ValueFormatter.FormatNumber(i.Left)} {ValueFormatter.FormatNumber(i.Right)}")));
        foreach (var target in evaluator.TargetFields)
            Append(text, "target", target.Name, target.DataType.ToString(), target.OpType.ToString(), Items(target.Values));
        foreach (var output in evaluator.OutputFields)
            Append(text, "output", output.Name, output.DataType.ToString(), output.OpType.ToString(),
                output.Feature?.ToString() ?? "", Items(output.Values));
        return text.ToString();
    }

    private static string Items(IReadOnlyList<object?> values) => string.Join(Item, values.Select(ValueFormatter.Format));

    private static void Append(StringBuilder text, params string[] fields)
    {
        if (text.Length > 0)
            text.Append(Record);
        text.AppendJoin(Field, fields);
    }
}
