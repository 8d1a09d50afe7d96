using System.Text;
using PmmlEngine.Evaluation;

namespace PmmlScore;

/// <summary>The text `pmml-score describe` prints: what a caller needs to know to feed the model and read its results.</summary>
internal static class ModelDescription
{
    public static string Describe(PmmlEvaluator evaluator)
    {
        var text = new StringBuilder();
        var families = evaluator.Models.Skip(1).GroupBy(m => m.ElementName).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}").ToList();
        text.Append($"model:    {evaluator.ModelType} ({Lower(evaluator.Function)})");
        text.AppendLine(families.Count == 0 ? "" : $", segments: {string.Join(", ", families)}");
        text.Append($"backend:  {Lower(evaluator.Backend)}");
        text.AppendLine(evaluator.CompilationFallbacks.Count == 0 ? "" : $", {evaluator.CompilationFallbacks.Count} part(s) interpreted:");
        foreach (var fallback in evaluator.CompilationFallbacks)
            text.AppendLine($"          {fallback}");
        Section(text, "inputs", evaluator.InputFields.Select(f => f.ToString()));
        Section(text, "targets", evaluator.TargetFields.Select(f => f.ToString()));
        Section(text, "outputs", evaluator.OutputFields.Select(f => $"{f} {(f.Feature is { } feature ? Lower(feature) : "")}".TrimEnd()));
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var items = lines.ToList();
        text.AppendLine($"{title}:{(items.Count == 0 ? " none" : "")}");
        foreach (var line in items)
            text.AppendLine($"  {line}");
    }

    private static string Lower<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
