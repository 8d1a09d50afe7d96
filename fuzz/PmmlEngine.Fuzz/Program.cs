using PmmlEngine.Fuzz;
using SharpFuzz;

// pmml-fuzz instrument DIR      instruments the engine's assemblies in a publish folder, in place
// pmml-fuzz loader|expression|csv   runs one harness under afl-fuzz (input on stdin, one run outside it)
// pmml-fuzz mutate SECONDS [SEED]   mutates the corpus without AFL, from the repository root (see Mutations)
switch (args.FirstOrDefault())
{
    case "mutate" when args.Length is 2 or 3:
        return Mutations.Run(Directory.GetCurrentDirectory(), TimeSpan.FromSeconds(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)),
            args.Length == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : Environment.TickCount,
            Path.Combine("fuzz", "out", "findings-mutate"));
    case "instrument" when args.Length == 2:
        foreach (var name in new[] { "PmmlEngine.dll", "pmml-score.dll" })
            Fuzzer.Instrument(Path.Combine(args[1], name), type => type.StartsWith("PmmlEngine", StringComparison.Ordinal) || type.StartsWith("PmmlScore", StringComparison.Ordinal), Options.Value);
        return 0;
    case "loader":
        Fuzzer.OutOfProcess.Run(Harnesses.Loader);
        return 0;
    case "expression":
        Fuzzer.OutOfProcess.Run(Harnesses.Expression);
        return 0;
    case "csv":
        Fuzzer.OutOfProcess.Run(Harnesses.Csv);
        return 0;
    default:
        Console.Error.WriteLine("usage: pmml-fuzz instrument DIR | loader | expression | csv | mutate SECONDS [SEED]");
        return 2;
}
