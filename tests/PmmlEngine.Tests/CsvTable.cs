using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace PmmlEngine.Tests;

/// <summary>A small CSV file read whole: header plus rows of cells.</summary>
internal sealed record CsvTable(string[] Header, List<string[]> Rows)
{
    public static CsvTable Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    public static CsvTable Read(TextReader reader)
    {
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = true, BadDataFound = null });
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<string[]>();
        while (csv.Read())
            rows.Add(Enumerable.Range(0, header.Length).Select(i => csv.GetField(i) ?? "").ToArray());
        return new CsvTable(header, rows);
    }

    public int Column(string name) => Array.IndexOf(Header, name);

    /// <summary>The row as evaluator arguments; N/A, NA and empty cells are missing.</summary>
    public Dictionary<string, object?> Arguments(int row)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < Header.Length; i++)
        {
            var cell = Rows[row][i];
            arguments[Header[i]] = cell is "" or "NA" or "N/A" ? null : cell;
        }
        return arguments;
    }
}
