using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

/// <summary>TrainingInstances (NearestNeighborModel, GaussianProcessModel): which InlineTable column holds which field.</summary>
internal static class InstanceFieldsParser
{
    public static (ImmutableArray<(string Field, string Column)> Fields, InlineTable Rows) Parse(ParseContext context, XElement model)
    {
        var training = model.Child("TrainingInstances");
        if (training is null)
        {
            context.Report(MarkupProblemKind.MissingElement, model, $"{model.Name.LocalName} requires TrainingInstances");
            return ([], new InlineTable([]));
        }
        var table = training.Child("InlineTable");
        if (table is null)
            context.Report(MarkupProblemKind.UnsupportedElement, training, "TrainingInstances must hold an InlineTable; TableLocator refers to data outside the document");
        var fields = (training.Child("InstanceFields")?.Children("InstanceField") ?? []).Select(f =>
        {
            var field = context.Required(f, "field");
            var column = f.Attr("column") ?? field;
            // Columns are written as qualified names (data:x); the cells were read by local name.
            return (field, column[(column.IndexOf(':') + 1)..]);
        }).ToImmutableArray();
        return (fields, table is null ? new InlineTable([]) : InlineTableParser.Parse(table));
    }
}
