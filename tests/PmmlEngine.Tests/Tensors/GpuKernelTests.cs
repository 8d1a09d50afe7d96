using PmmlEngine.Errors;
using PmmlEngine.Evaluation;
using PmmlEngine.Gpu;
using PmmlEngine.Tests.Conformance;
using PmmlEngine.Tests.Evaluation;

namespace PmmlEngine.Tests.Tensors;

/// <summary>
/// The GPU kernels on ILGPU's CPU accelerator against the interpreter, on every conformance tree model, with the
/// inputs as given and with every 5th input missing: results must be equal to the bit, since the kernels add in the
/// interpreter's order and arithmetic.
/// </summary>
[TestFixture]
public sealed class GpuKernelTests
{
    private static IEnumerable<TestCaseData> Covered() => TensorCases.Covered().SelectMany(c => new[]
    {
        new TestCaseData(c, 0, true).SetName("Gpu_" + c.Name.Replace('/', '_')),
        new TestCaseData(c, 5, true).SetName("Gpu_" + c.Name.Replace('/', '_') + "_SomeMissing"),
        new TestCaseData(c, 5, false).SetName("Gpu_" + c.Name.Replace('/', '_') + "_SomeMissing_NodeArrays"),
    });

    private static IEnumerable<TestCaseData> Refused() =>
        ConformanceCase.Load().Where(c => TensorCases.Refused.ContainsKey(c.Name)).Select(c => new TestCaseData(c).SetName("GpuRefuses_" + c.Name.Replace('/', '_')));

    [TestCaseSource(nameof(Covered))]
    /// <param name="boxed">The conformance case.</param>
    /// <param name="missingEvery">Every n-th input is made missing (0: none).</param>
    /// <param name="perfect">Whether shallow forests may take the complete-tree kernel (false: the node-array kernel for every model).</param>
    public void GpuScorer_OnCpuAccelerator_MatchesInterpreter(object boxed, int missingEvery, bool perfect)
    {
        var c = (ConformanceCase)boxed;
        var evaluator = PmmlEvaluator.Load(c.Pmml, new EvaluatorOptions { Backend = Backend.Interpreter });
        var inputs = BatchInputs.Read(evaluator, c.Input, missingEvery);
        var expected = new double[inputs.Length / evaluator.InputFields.Count * evaluator.ResultNames.Count];
        var expectedFailed = evaluator.EvaluateBatch(inputs, expected);

        using var gpu = GpuScorer.Create(evaluator, GpuDevice.Cpu, perfect);
        if (!perfect)
            Assert.That(gpu.UsesPerfectLayout, Is.False);
        var actual = new double[expected.Length];
        var failed = gpu.EvaluateBatch(inputs, actual);

        Assert.That(failed, Is.EqualTo(expectedFailed), "rejected rows");
        Assert.That(Mismatches(evaluator, expected, actual), Is.Empty);
    }

    /// <summary>
    /// A generated GBDT whose fields are plain numeric inputs: rows are prepared by copying inputs, not by the record
    /// path, and finished without it; results must still be the interpreter's to the bit, missing values included.
    /// </summary>
    [Test]
    public void GpuScorer_PlainNumericInputs_CopiedDirectly_MatchInterpreter()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Benchmarks.ModelGenerator.Gbdt(trees: 30, depth: 5, features: 8, seed: 3)));
        var evaluator = PmmlEvaluator.Load(stream, new EvaluatorOptions { Backend = Backend.Interpreter });
        var inputs = Benchmarks.ModelGenerator.Matrix(rows: 5000, features: 8, seed: 5);
        for (var i = 0; i < inputs.Length; i += 7)
            inputs[i] = double.NaN;
        var expected = new double[5000 * evaluator.ResultNames.Count];
        evaluator.EvaluateBatch(inputs, expected);

        Assert.That(new PmmlEngine.Tensors.TensorBatch(evaluator, PmmlEngine.Tensors.TensorForestBuilder.Build(evaluator.DocumentPlan)).CopiesInputs, Is.True);
        using var gpu = GpuScorer.Create(evaluator, GpuDevice.Cpu);
        var actual = new double[expected.Length];
        Assert.That(gpu.EvaluateBatch(inputs, actual), Is.Zero);
        Assert.That(Mismatches(evaluator, expected, actual), Is.Empty);
    }

    /// <summary>
    /// Rows the MiningSchema keeps as they are (or leaves missing) are read from their inputs on the host side too; under
    /// each treatment of <see cref="KeptFeaturesBatchTests"/>, the kernels' results are the interpreter's to the bit.
    /// </summary>
    [TestCaseSource(typeof(KeptFeaturesBatchTests), nameof(KeptFeaturesBatchTests.Treatments))]
    public void GpuScorer_KeptRows_MatchInterpreter(string x1, string x2, string c, bool chain)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(KeptFeaturesBatchTests.Document(x1, x2, c, chain)));
        var evaluator = PmmlEvaluator.Load(stream, new EvaluatorOptions { Backend = Backend.Interpreter });
        var inputs = KeptFeaturesBatchTests.Rows(evaluator.InputFields.Select(f => f.Name).ToArray(), 2_000, seed: 13);
        var expected = new double[inputs.Length / evaluator.InputFields.Count * evaluator.ResultNames.Count];
        var expectedFailed = evaluator.EvaluateBatch(inputs, expected);

        using var gpu = GpuScorer.Create(evaluator, GpuDevice.Cpu);
        var actual = new double[expected.Length];
        Assert.That(gpu.EvaluateBatch(inputs, actual), Is.EqualTo(expectedFailed), "rejected rows");
        Assert.That(Mismatches(evaluator, expected, actual), Is.Empty);
    }

    [TestCaseSource(nameof(Refused))]
    public void GpuScorer_ModelsOutsideThePlan_AreRefusedWithTheReason(object boxed)
    {
        var c = (ConformanceCase)boxed;
        var evaluator = PmmlEvaluator.Load(c.Pmml);
        var error = Assert.Throws<PmmlUnsupportedException>(() => GpuScorer.Create(evaluator, GpuDevice.Cpu))!;
        Assert.That(error.Message, Does.Contain(TensorCases.Refused[c.Name]));
        Assert.That(error.Location.ElementPath, Is.Not.Empty, "the refusal names the element");
    }

    [Test]
    public void GpuScorer_WithoutCuda_SaysSoClearly()
    {
        if (GpuScorer.IsCudaAvailable())
            Assert.Ignore("this machine has a CUDA GPU");
        var evaluator = PmmlEvaluator.Load(ConformanceCase.Load().First(c => c.Name.EndsWith("/GradientBoostingAuto", StringComparison.Ordinal)).Pmml);
        var error = Assert.Throws<GpuUnavailableException>(() => GpuScorer.Create(evaluator))!;
        Assert.That(error.Message, Does.StartWith("No CUDA GPU found"));
    }

    internal static List<string> Mismatches(PmmlEvaluator evaluator, double[] expected, double[] actual)
    {
        var names = evaluator.ResultNames;
        var mismatches = new List<string>();
        for (var i = 0; i < expected.Length && mismatches.Count < 10; i++)
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
                mismatches.Add($"row {i / names.Count + 1} {names[i % names.Count]}: expected {expected[i]:R}, got {actual[i]:R}");
        return mismatches;
    }
}
