using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PmmlEngine.Benchmarks;
using PmmlEngine.Evaluation;
using PmmlEngine.Gpu;
using PmmlEngine.Onnx;

// The tensor backends side by side on the generated GBDT (500 trees × depth 8 × 28 features), one run, so the ratios
// hold on a shared machine: the compiled CPU batch on all cores, the GPU (kernel only; with copies; end to end, host
// preparation included) and the exported ONNX graph in onnxruntime (CPU).
//   dotnet run -c Release --project bench/PmmlEngine.TensorBench -- [ROWS,...] [--device cuda|cpu] [--no-onnx]
var sizes = (args.FirstOrDefault(a => !a.StartsWith('-')) ?? "10000,100000,1000000").Split(',').Select(int.Parse).ToArray();
var device = args.SkipWhile(a => a != "--device").Skip(1).FirstOrDefault() == "cpu" ? GpuDevice.Cpu : GpuDevice.Cuda;
var onnx = !args.Contains("--no-onnx");
const int Trees = 500, Depth = 8, Features = 28, Runs = 5;

using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ModelGenerator.Gbdt(Trees, Depth, Features, seed: 7)));
var evaluator = PmmlEvaluator.Load(stream);
GpuScorer? gpu = null;
try
{
    gpu = GpuScorer.Create(evaluator, device);
}
catch (GpuUnavailableException e)
{
    Console.Error.WriteLine(e.Message);
}
using var session = onnx ? new InferenceSession(OnnxExporter.Export(evaluator)) : null;

var kernelName = gpu is null ? "" : gpu.UsesPerfectLayout ? " (complete-tree kernel)" : " (node-array kernel)";
Console.WriteLine($"GBDT {Trees}×d{Depth}×{Features}; {Environment.ProcessorCount} cores; GPU: {gpu?.DeviceName ?? "none"}{kernelName}; median of {Runs} runs, rows/s");
Console.WriteLine("| rows | compiled CPU batch | GPU kernel | GPU with copies | GPU end to end | GPU kernel ms | host prepare ms | host finish ms | onnxruntime CPU |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var rows in sizes)
{
    var inputs = ModelGenerator.Matrix(rows, Features, seed: 11);
    var results = new double[rows];
    var cpu = Rate(rows, () => evaluator.EvaluateBatch(inputs, results));
    string kernel = "-", copies = "-", total = "-", kernelMs = "-", prepareMs = "-", finishMs = "-";
    if (gpu is not null)
    {
        var timings = new List<GpuTimings>();
        gpu.EvaluateBatch(inputs, results);
        for (var r = 0; r < Runs; r++)
        {
            gpu.EvaluateBatch(inputs, results);
            timings.Add(gpu.LastTimings!);
        }
        double Median(Func<GpuTimings, double> ms) => timings.Select(ms).Order().ElementAt(Runs / 2);
        kernelMs = Median(t => t.KernelMs).ToString("F2", CultureInfo.InvariantCulture);
        prepareMs = Median(t => t.LoadMs).ToString("F1", CultureInfo.InvariantCulture);
        finishMs = Median(t => t.FinishMs).ToString("F1", CultureInfo.InvariantCulture);
        kernel = Format(rows / (Median(t => t.KernelMs) / 1000));
        copies = Format(rows / (Median(t => t.UploadMs + t.KernelMs + t.DownloadMs) / 1000));
        total = Format(rows / (Median(t => t.TotalMs) / 1000));
    }
    var ort = "-";
    if (session is not null)
    {
        var columns = evaluator.InputFields.Select((f, i) => NamedOnnxValue.CreateFromTensor(f.Name,
            new DenseTensor<float>(Enumerable.Range(0, rows).Select(r => (float)inputs[r * Features + i]).ToArray(), [rows]))).ToList();
        ort = Format(Rate(rows, () => { using var _ = session.Run(columns); }));
    }
    Console.WriteLine($"| {rows:N0} | {Format(cpu)} | {kernel} | {copies} | {total} | {kernelMs} | {prepareMs} | {finishMs} | {ort} |");
}
gpu?.Dispose();

static double Rate(int rows, Action run)
{
    run();
    var seconds = new List<double>();
    for (var r = 0; r < Runs; r++)
    {
        var clock = Stopwatch.StartNew();
        run();
        seconds.Add(clock.Elapsed.TotalSeconds);
    }
    return rows / seconds.Order().ElementAt(Runs / 2);
}

static string Format(double rate) => rate.ToString("0.00e0", CultureInfo.InvariantCulture);
