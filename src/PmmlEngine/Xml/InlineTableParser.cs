using PmmlEngine.Errors;
using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class InlineTableParser
{
    /// <summary>Cells are keyed by local name: producers put them in their own namespaces (data:x, jpmml's InlineTable).</summary>
    public static InlineTable Parse(XElement table)
    {
        var rows = ImmutableArray.CreateBuilder<ImmutableDictionary<string, string>>();
        foreach (var row in table.Children("row"))
        {
            var cells = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var cell in row.Elements())
                cells[cell.Name.LocalName] = cell.Text();
            rows.Add(cells.ToImmutable());
        }
        return new InlineTable(rows.ToImmutable());
    }
}
