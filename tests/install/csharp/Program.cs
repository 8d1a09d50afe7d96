// The throwaway console app tests/install-paths.sh builds against the PmmlEngine package from the local feed: it scores
// a sample CSV and compares every result with the sample's expected CSV (numbers exactly, after parsing).
using System.Globalization;
using PmmlEngine.Evaluation;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: app MODEL.pmml INPUT.csv EXPECTED.csv");
    return 2;
}
var evaluator = PmmlEvaluator.Load(args[0]);
var input = File.ReadAllLines(args[1]);
var expected = File.ReadAllLines(args[2]);
var header = input[0].Split(',');
var expectedHeader = expected[0].Split(',');
var mismatches = 0;
for (var row = 1; row < input.Length; row++)
{
    var cells = input[row].Split(',');
    // As pmml-score reads CSV: empty cells and NA are missing values.
    var arguments = header.Select((name, i) => (name, value: cells[i] is "" or "NA" ? null : (object?)cells[i]))
        .ToDictionary(c => c.name, c => c.value);
    var results = evaluator.Evaluate(arguments);
    var wanted = expected[row].Split(',');
    foreach (var (name, i) in expectedHeader.Select((n, i) => (n, i)).Where(c => c.n != "error"))
    {
        var actual = Convert.ToString(results[name], CultureInfo.InvariantCulture) ?? "";
        var same = double.TryParse(wanted[i], CultureInfo.InvariantCulture, out var number) && results[name] is double d
            ? d == number : actual == wanted[i];
        if (!same)
        {
            Console.Error.WriteLine($"row {row}, {name}: {actual} != {wanted[i]}");
            mismatches++;
        }
    }
}
Console.WriteLine($"{input.Length - 1} rows scored, {mismatches} mismatches");
return mismatches == 0 ? 0 : 1;
