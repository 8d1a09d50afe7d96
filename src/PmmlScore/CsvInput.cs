using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace PmmlScore;

/// <summary>
/// An input CSV as both scorers read it: the header (a byte-order mark that reached us undecoded trimmed, a column named
/// twice refused), then records; a row CsvHelper cannot read becomes a <see cref="CsvInputException"/> naming the row
/// and line. Rows with too few or too many cells are read as they are (absent cells are missing).
/// </summary>
internal sealed class CsvInput : IDisposable
{
    private readonly CsvReader _reader;
    private readonly Dictionary<string, int> _columns;

    private CsvInput(CsvReader reader, Dictionary<string, int> columns)
    {
        _reader = reader;
        _columns = columns;
    }

    public static CsvInput Open(TextReader input)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };
        var reader = new CsvReader(input, configuration, leaveOpen: true);
        try
        {
            if (!Read(reader, 0))
                throw new CsvInputException("the input is empty: a header row naming the input fields is required");
            var header = reader.Parser.Record ?? [];
            if (header.Length > 0)
                header[0] = header[0].TrimStart('\uFEFF');
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
                if (!columns.TryAdd(header[i], i))
                    throw new CsvInputException($"the header names column '{header[i]}' twice (columns {columns[header[i]] + 1} and {i + 1})");
            return new CsvInput(reader, columns);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The column of a name, or -1.</summary>
    public int Column(string name) => _columns.GetValueOrDefault(name, -1);

    public bool Has(string name, out int column) => _columns.TryGetValue(name, out column);

    /// <summary>The columns <c>--keep</c> names, each of which must exist.</summary>
    public int[] Kept(IReadOnlyList<string> keep) => keep.Select(k => _columns.TryGetValue(k, out var c) ? c
        : throw new CsvInputException($"--keep names column '{k}', which the input does not have")).ToArray();

    /// <summary>Moves to data row <paramref name="row"/> (1-based); false at the end.</summary>
    public bool Read(long row) => Read(_reader, row);

    /// <summary>The current record's cells.</summary>
    public string[] Record => _reader.Parser.Record ?? [];

    private static bool Read(CsvReader reader, long row)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvHelperException e)
        {
            throw new CsvInputException($"CSV row {row} (line {reader.Parser.RawRow}) cannot be read: {e.Message.Split('\n')[0]}", e);
        }
    }

    public void Dispose() => _reader.Dispose();
}
