using BenchmarkDotNet.Running;
using PmmlEngine.Benchmarks;

// "generate DIR" writes the generated models with input CSVs, for `pmml-score bench`; anything else runs BenchmarkDotNet.
if (args is ["generate", var directory])
{
    Directory.CreateDirectory(directory);
    foreach (var name in Corpus.GeneratedModels)
    {
        File.WriteAllText(Path.Combine(directory, name + ".pmml"), Corpus.Generated(name));
        File.WriteAllText(Path.Combine(directory, name + ".csv"), ModelGenerator.Rows(rows: 10_000, features: 28, seed: 13));
        Console.WriteLine($"{directory}/{name}.pmml, {directory}/{name}.csv");
    }
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(ModelGenerator).Assembly).Run(args);
return 0;
