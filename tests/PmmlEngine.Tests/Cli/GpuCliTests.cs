using Microsoft.ML.OnnxRuntime;
using PmmlEngine.Evaluation;
using PmmlEngine.Gpu;
using PmmlScore;

namespace PmmlEngine.Tests.Cli;

/// <summary>The CLI's GPU scoring (on ILGPU's CPU accelerator) and ONNX export, end to end on the gbdt-ensemble sample.</summary>
public sealed class GpuCliTests
{
    private static string Sample(string file) => Path.Combine(TestPaths.Samples, file);

    [Test]
    public void GpuBlocks_WriteWhatTheCpuScorerWrites()
    {
        var evaluator = PmmlEvaluator.Load(Sample("gbdt-ensemble.pmml"));
        var cpu = new StringWriter();
        using (var input = new StreamReader(Sample("gbdt-ensemble.csv")))
            CsvScorer.Score(evaluator, input, cpu, new ScoreOptions());
        var gpu = new StringWriter();
        using (var scorer = GpuScorer.Create(evaluator, GpuDevice.Cpu))
        using (var input = new StreamReader(Sample("gbdt-ensemble.csv")))
            BlockCsvScorer.Score(evaluator, scorer, input, gpu, new ScoreOptions());
        Assert.That(gpu.ToString(), Is.EqualTo(cpu.ToString()));
    }

    /// <summary>
    /// Cells the numeric layout cannot carry (a fraction for an integer field, text for a number, an unlisted category)
    /// and records the model rejects go through the record path: the output, error column included, is the CPU's.
    /// </summary>
    [Test]
    public void GpuBlocks_CellsTheLayoutCannotCarry_WriteWhatTheCpuWrites()
    {
        const string csv = "age,income,sector\n25,30000,private\n25.5,30000,public\nabc,30000,private\n40,NA,astronaut\n61,\"90,000\",public\n33,45000\n\uFEFF,,\n";
        var evaluator = PmmlEvaluator.Load(Sample("gbdt-ensemble.pmml"));
        var options = new ScoreOptions { Keep = ["sector"] };
        var cpu = new StringWriter();
        CsvScorer.Score(evaluator, new StringReader(csv), cpu, options);
        var gpu = new StringWriter();
        using (var scorer = GpuScorer.Create(evaluator, GpuDevice.Cpu))
            BlockCsvScorer.Score(evaluator, scorer, new StringReader(csv), gpu, options);
        Assert.That(gpu.ToString(), Is.EqualTo(cpu.ToString()));
        Assert.That(cpu.ToString(), Does.Contain("row 3:"), "the sample rejects some of these rows");
    }

    [Test]
    public void DeviceGpu_WithoutCuda_ExitsTwoAndSaysSo()
    {
        if (GpuScorer.IsCudaAvailable())
            Assert.Ignore("this machine has a CUDA GPU");
        var error = new StringWriter();
        var saved = Console.Error;
        Console.SetError(error);
        try
        {
            var code = CommandLine.Build().Parse([Sample("gbdt-ensemble.pmml"), Sample("gbdt-ensemble.csv"), "--device", "gpu", "-o", Path.GetTempFileName()]).Invoke();
            Assert.That(code, Is.EqualTo(2));
        }
        finally
        {
            Console.SetError(saved);
        }
        Assert.That(error.ToString(), Does.Contain("No CUDA GPU found"));
    }

    [Test]
    public void ExportOnnx_WritesAGraphNamedAfterTheFields()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pmml-{Guid.NewGuid():N}.onnx");
        try
        {
            var code = CommandLine.Build().Parse(["export-onnx", Sample("gbdt-ensemble.pmml"), "-o", path, "--strategy", "TreeTraversal"]).Invoke();
            Assert.That(code, Is.EqualTo(0));
            using var session = new InferenceSession(path);
            var evaluator = PmmlEvaluator.Load(Sample("gbdt-ensemble.pmml"));
            Assert.That(session.InputMetadata.Keys, Is.EquivalentTo(evaluator.InputFields.Select(f => f.Name)));
            Assert.That(session.OutputMetadata.Keys, Is.EquivalentTo(evaluator.ResultNames));
            Assert.That(session.ModelMetadata.CustomMetadataMap["pmml.strategy"], Is.EqualTo("TreeTraversal"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
