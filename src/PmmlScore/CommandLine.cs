using System.CommandLine;
using PmmlEngine.Errors;
using PmmlEngine.Evaluation;
using PmmlEngine.Gpu;
using PmmlEngine.Onnx;
using PmmlEngine.Support;

namespace PmmlScore;

/// <summary>The pmml-score command tree: scoring, verify, describe, bench and features (docs/cli.md documents each
/// option, and a test keeps the two in step).</summary>
internal static class CommandLine
{
    public static RootCommand Build()
    {
        // Exit codes: 0 every row scored; 1 some rows could not be scored (their reasons are in the error column);
        // 2 the arguments, the model or the input cannot be read.
        var model = new Argument<FileInfo>("model") { Description = "the PMML document" };
        var input = new Argument<string>("input") { Description = "input CSV with a header row, or - for standard input" };
        var output = new Option<string>("--output", "-o") { Description = "output CSV, or - for standard output", DefaultValueFactory = _ => "-" };
        var missing = new Option<string>("--missing-output") { Description = "text written for a missing result", DefaultValueFactory = _ => "" };
        var keep = new Option<string?>("--keep") { Description = "comma-separated input columns copied to the output, before the results" };
        var errorColumn = new Option<string>("--error-column") { Description = "name of the column that holds a row's error", DefaultValueFactory = _ => "error" };
        var scoreBackend = new Option<Backend>("--backend") { Description = "auto (compiled), compiled or interpreter", DefaultValueFactory = _ => Backend.Auto };
        var device = new Option<ScoreDevice>("--device") { Description = "cpu, or gpu: tree ensembles on the first CUDA GPU", DefaultValueFactory = _ => ScoreDevice.Cpu };

        var root = new RootCommand("Scores a CSV file with a PMML model: one output row per input row, targets then output fields.")
        {
            model, input, output, missing, keep, errorColumn, scoreBackend, device,
        };
        root.SetAction(parse =>
        {
            var evaluator = LoadModel(parse.GetValue(model)!, parse.GetValue(scoreBackend));
            if (evaluator is null)
                return 2;
            var inputPath = parse.GetValue(input)!;
            var outputPath = parse.GetValue(output)!;
            using var gpu = parse.GetValue(device) == ScoreDevice.Gpu ? OpenGpu(evaluator) : null;
            if (parse.GetValue(device) == ScoreDevice.Gpu && gpu is null)
                return 2;
            try
            {
                using var reader = inputPath == "-" ? Console.In : new StreamReader(inputPath);
                using var writer = outputPath == "-" ? new StreamWriter(Console.OpenStandardOutput()) : new StreamWriter(outputPath);
                var options = new ScoreOptions
                {
                    MissingOutput = parse.GetValue(missing)!,
                    Keep = (parse.GetValue(keep) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    ErrorColumn = parse.GetValue(errorColumn)!,
                    Progress = Console.IsErrorRedirected ? null : rows => Console.Error.Write($"\rscored {rows:N0} rows"),
                };
                var summary = gpu is not null ? BlockCsvScorer.Score(evaluator, gpu, reader, writer, options)
                    : BlockCsvScorer.Carries(evaluator) ? BlockCsvScorer.Score(evaluator, reader, writer, options)
                    : CsvScorer.Score(evaluator, reader, writer, options);
                if (!Console.IsErrorRedirected)
                    Console.Error.WriteLine($"\rscored {summary.Rows:N0} rows, {summary.Failed:N0} could not be scored");
                else if (summary.Failed > 0)
                    Console.Error.WriteLine($"{summary.Failed} of {summary.Rows} rows could not be scored; see the '{options.ErrorColumn}' column");
                return summary.Failed > 0 ? 1 : 0;
            }
            catch (Exception e) when (e is CsvInputException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"pmml-score: {inputPath}: {e.Message}");
                return 2;
            }
        });

        var verifyModel = new Argument<FileInfo>("model") { Description = "the PMML document" };
        var verify = new Command("verify", "Scores the document's ModelVerification records and compares them with their expected values.") { verifyModel };
        verify.SetAction(parse =>
        {
            var evaluator = LoadModel(parse.GetValue(verifyModel)!);
            if (evaluator is null)
                return 2;
            var report = evaluator.Verify();
            Console.WriteLine(report);
            return report.Passed ? 0 : 1;
        });
        root.Subcommands.Add(verify);

        var describeModel = new Argument<FileInfo>("model") { Description = "the PMML document" };
        var describe = new Command("describe", "Prints the model families, the inputs with their domains, the targets and the output fields.") { describeModel };
        describe.SetAction(parse =>
        {
            var evaluator = LoadModel(parse.GetValue(describeModel)!);
            if (evaluator is null)
                return 2;
            Console.Write(ModelDescription.Describe(evaluator));
            return 0;
        });
        root.Subcommands.Add(describe);

        var benchModel = new Argument<FileInfo>("model") { Description = "the PMML document" };
        var benchInput = new Argument<FileInfo>("input") { Description = "CSV whose rows are scored in every pass" };
        var json = new Option<bool>("--json") { Description = "print one JSON object instead of a table" };
        var backend = new Option<Backend>("--backend") { Description = "auto, compiled or interpreter", DefaultValueFactory = _ => Backend.Auto };
        var warmUp = new Option<double>("--warm-up") { Description = "seconds of scoring before the timed record passes, and again before the timed batch calls", DefaultValueFactory = _ => 3 };
        var bench = new Command("bench", "Times load + compile, the first pass, warm passes (median of 5) and the batch API on a CSV.")
        {
            benchModel, benchInput, json, backend, warmUp,
        };
        bench.SetAction(parse =>
        {
            try
            {
                var figures = ScoreBenchmark.Run(parse.GetValue(benchModel)!.FullName, parse.GetValue(benchInput)!.FullName,
                    parse.GetValue(backend), TimeSpan.FromSeconds(parse.GetValue(warmUp)), passes: 5);
                Console.WriteLine(parse.GetValue(json) ? ScoreBenchmark.Json(figures) : ScoreBenchmark.Text(figures));
                return 0;
            }
            catch (Exception e) when (e is PmmlException or CsvInputException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"pmml-score bench: {e.Message}");
                return 2;
            }
        });
        root.Subcommands.Add(bench);

        var exportModel = new Argument<FileInfo>("model") { Description = "the PMML document" };
        var exportOutput = new Option<FileInfo>("--output", "-o") { Description = "the ONNX file to write", Required = true };
        var strategy = new Option<OnnxStrategy>("--strategy") { Description = "auto, gemm, treetraversal or perfecttreetraversal", DefaultValueFactory = _ => OnnxStrategy.Auto };
        var export = new Command("export-onnx", "Writes a tree model or tree ensemble as an ONNX graph: one input per input field, one output per result.")
        {
            exportModel, exportOutput, strategy,
        };
        export.SetAction(parse =>
        {
            var evaluator = LoadModel(parse.GetValue(exportModel)!);
            if (evaluator is null)
                return 2;
            var target = parse.GetValue(exportOutput)!;
            try
            {
                File.WriteAllBytes(target.FullName, OnnxExporter.Export(evaluator, new OnnxExportOptions { Strategy = parse.GetValue(strategy) }));
                return 0;
            }
            catch (Exception e) when (e is PmmlException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"pmml-score export-onnx: {e.Message}");
                return 2;
            }
        });
        root.Subcommands.Add(export);

        var features = new Command("features", "Prints the PMML elements, data types, functions and attribute values the engine reads (docs/features.md).");
        features.SetAction(_ =>
        {
            Console.Write(SupportedFeatures.ToMarkdown());
            return 0;
        });
        root.Subcommands.Add(features);
        return root;
    }

    /// <summary>The GPU scorer for the model, or null after saying why there is none (no CUDA GPU, or a model outside the tensor plan).</summary>
    private static GpuScorer? OpenGpu(PmmlEvaluator evaluator)
    {
        try
        {
            var gpu = GpuScorer.Create(evaluator);
            if (!Console.IsErrorRedirected)
                Console.Error.WriteLine($"scoring on {gpu.DeviceName}");
            return gpu;
        }
        catch (Exception e) when (e is GpuUnavailableException or PmmlException)
        {
            Console.Error.WriteLine($"pmml-score --device gpu: {e.Message}");
            return null;
        }
    }

    private static PmmlEvaluator? LoadModel(FileInfo file, Backend backend = Backend.Auto)
    {
        try
        {
            return PmmlEvaluator.Load(file.FullName, new EvaluatorOptions { Backend = backend });
        }
        catch (Exception e) when (e is PmmlException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"pmml-score: {file.FullName}: {e.Message}");
            return null;
        }
    }
}
