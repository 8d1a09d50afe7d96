namespace PmmlEngine.Tests.Conformance;

/// <summary>One row of ../shared/conformance/cases.tsv.</summary>
internal sealed record ConformanceCase(string Name, string Pmml, string Input, string Expected, Tolerance Tolerance, string[] Excluded, string Notes)
{
    public static IEnumerable<ConformanceCase> Load()
    {
        var root = TestPaths.Conformance;
        var path = Path.Combine(root, "cases.tsv");
        if (!File.Exists(path))
            throw new FileNotFoundException($"The conformance corpus is expected at {root} (set PMML_CONFORMANCE_DIR to move it)", path);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var c = line.Split('\t');
            string Cell(int i) => i < c.Length ? c[i] : "";
            yield return new ConformanceCase(Cell(0), Path.Combine(root, Cell(1)), Path.Combine(root, Cell(2)), Path.Combine(root, Cell(3)),
                Tolerance.Parse(Cell(4)), Cell(5).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Cell(6));
        }
    }

    public override string ToString() => Name;
}
