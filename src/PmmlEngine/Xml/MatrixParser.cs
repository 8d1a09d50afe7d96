using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;

namespace PmmlEngine.Xml;

/// <summary>
/// PMML Matrix, expanded to full rows: kind="any" lists every row, "symmetric" the lower triangle, "diagonal" the
/// diagonal; MatCell entries (1-based) fill a sparse matrix whose other cells are diagDefault / offDiagDefault.
/// </summary>
internal static class MatrixParser
{
    public static ImmutableArray<ImmutableArray<double>> Parse(ParseContext context, XElement matrix)
    {
        var kind = matrix.Attr("kind") ?? "any";
        var arrays = matrix.Children("Array").Select(a => Numbers(context, a)).ToList();
        var cells = matrix.Children("MatCell").ToList();
        var rows = context.Integer(matrix, "nbRows", kind == "any" ? arrays.Count : Math.Max(arrays.Count, arrays.FirstOrDefault()?.Length ?? 0));
        var columns = context.Integer(matrix, "nbCols", kind == "any" ? arrays.FirstOrDefault()?.Length ?? rows : rows);
        if (cells.Count > 0)
        {
            rows = Math.Max(rows, cells.Max(c => context.Integer(c, "row", 1)));
            columns = Math.Max(columns, cells.Max(c => context.Integer(c, "col", 1)));
        }
        var diagonal = context.OptionalNumber(matrix, "diagDefault");
        var offDiagonal = context.OptionalNumber(matrix, "offDiagDefault");
        var full = new double[rows, columns];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
                full[i, j] = (i == j ? diagonal : offDiagonal) ?? double.NaN;

        switch (kind)
        {
            case "diagonal" when arrays.Count == 1:
                for (var i = 0; i < Math.Min(rows, arrays[0].Length); i++)
                    full[i, i] = arrays[0][i];
                break;
            case "symmetric":
                for (var i = 0; i < Math.Min(rows, arrays.Count); i++)
                    for (var j = 0; j < Math.Min(i + 1, arrays[i].Length); j++)
                        full[i, j] = full[j, i] = arrays[i][j];
                break;
            default:
                for (var i = 0; i < Math.Min(rows, arrays.Count); i++)
                {
                    if (arrays[i].Length != columns)
                        context.Report(MarkupProblemKind.InvalidElement, matrix, $"Matrix row {i + 1} has {arrays[i].Length} values, expected {columns}");
                    for (var j = 0; j < Math.Min(columns, arrays[i].Length); j++)
                        full[i, j] = arrays[i][j];
                }
                break;
        }
        foreach (var cell in cells)
        {
            var (i, j) = (context.Integer(cell, "row", 1) - 1, context.Integer(cell, "col", 1) - 1);
            if (i < 0 || j < 0 || !ElementExtensions.TryParseNumber(cell.Text().Trim(), out var value))
            {
                context.Report(MarkupProblemKind.InvalidElement, cell, "MatCell needs a positive row, col and a number");
                continue;
            }
            full[i, j] = value;
            if (kind == "symmetric")
                full[j, i] = value;
        }
        return Enumerable.Range(0, rows).Select(i => Enumerable.Range(0, columns).Select(j => full[i, j]).ToImmutableArray()).ToImmutableArray();
    }

    /// <summary>A numeric Array's items, each reported where it is not a number.</summary>
    public static double[] Numbers(ParseContext context, XElement array) =>
        ArrayParser.ParseStrings(context, array).Select(item =>
        {
            if (ElementExtensions.TryParseNumber(item, out var value))
                return value;
            context.Report(MarkupProblemKind.InvalidElement, array, $"Array item '{item}' is not a number");
            return double.NaN;
        }).ToArray();
}
