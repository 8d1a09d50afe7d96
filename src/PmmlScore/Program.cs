PmmlScore.JitProfile.Start();
var parse = PmmlScore.CommandLine.Build().Parse(args);
// Usage errors exit 2 like any other input that cannot be read; 1 means some rows could not be scored.
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
        Console.Error.WriteLine($"pmml-score: {error.Message}");
    Console.Error.WriteLine("Run 'pmml-score --help' for usage.");
    return 2;
}
return parse.Invoke();
