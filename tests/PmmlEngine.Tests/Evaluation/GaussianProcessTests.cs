namespace PmmlEngine.Tests.Evaluation;

/// <summary>
/// GaussianProcessModel mean and standard deviation for every kernel on both backends. Expectations were computed in
/// Python by solving (K + σ²I)·a = y and (K + σ²I)·v = k* with Gaussian elimination: independent of the engine's Cholesky.
/// </summary>
[TestFixture]
public sealed class GaussianProcessTests
{
    internal static string Document(string kernel, string inputs, string rows, int dimensions) => Pmml.Document(
        string.Concat(Enumerable.Range(1, dimensions).Select(i => $"<DataField name=\"x{i}\" optype=\"continuous\" dataType=\"double\"/>"))
        + "<DataField name=\"y\" optype=\"continuous\" dataType=\"double\"/>", $"""
        <GaussianProcessModel functionName="regression">
          <MiningSchema>{inputs}<MiningField name="y" usageType="target"/></MiningSchema>
          <Output>
            <OutputField name="sd" feature="standardDeviation" dataType="double"/>
            <OutputField name="upper" feature="confidenceIntervalUpper" value="95" dataType="double"/>
          </Output>
          {kernel}
          <TrainingInstances>
            <InstanceFields>{string.Concat(Enumerable.Range(1, dimensions).Select(i => $"<InstanceField field=\"x{i}\" column=\"x{i}\"/>"))}<InstanceField field="y" column="y"/></InstanceFields>
            <InlineTable>{rows}</InlineTable>
          </TrainingInstances>
        </GaussianProcessModel>
        """);

    // γ = 2, λ = 1.5, σ² = 0.1 over x = 0, 1, 3 with y = 1, 2, 0.5.
    [TestCase(2.0, 1.5169760802323757, 0.43959392099747996)]
    [TestCase(0.5, 1.551568287274009, 0.2525599877609654)]
    [TestCase(10.0, -1.1286997368135056e-05, 1.4142135620718477)]   // far from the data: prior mean 0 and prior deviation √γ
    public void RadialBasis(double x, double mean, double deviation)
    {
        var document = Document("""<RadialBasisKernel gamma="2" noiseVariance="0.1" lambda="1.5"/>""", """<MiningField name="x1"/>""",
            "<row><x1>0</x1><y>1</y></row><row><x1>1</x1><y>2</y></row><row><x1>3</x1><y>0.5</y></row>", 1);
        foreach (var evaluator in Pmml.LoadBoth(document))
        {
            var result = evaluator.Evaluate(Pmml.Row(("x1", x)));
            Assert.That((double)result["y"]!, Is.EqualTo(mean).Within(1e-12));
            Assert.That((double)result["sd"]!, Is.EqualTo(deviation).Within(1e-12));
            // The 95% interval's upper bound: mean + 1.959963984540054·sd.
            Assert.That((double)result["upper"]!, Is.EqualTo(mean + 1.9599639845400536 * deviation).Within(1e-12));
            Assert.That(evaluator.Evaluate(Pmml.Row(("x1", null)))["y"], Is.Null);
        }
    }

    // γ = 1.5, λ = (1, 2), σ² = 0.05 over four 2-D instances, at (1.5, 1.5).
    [TestCase("ARDSquaredExponentialKernel", "", 0.4941966832000617, 0.31513302691010936)]
    [TestCase("AbsoluteExponentialKernel", "", 0.43063272840870914, 0.9826364294860416)]
    [TestCase("GeneralizedExponentialKernel", "degree=\"1.5\"", 0.4758954871748363, 0.7798121106623713)]
    public void LengthScalePerInput(string kernel, string degree, double mean, double deviation)
    {
        var document = Document($"""<{kernel} gamma="1.5" noiseVariance="0.05" {degree}><Lambda><Array n="2" type="real">1 2</Array></Lambda></{kernel}>""",
            """<MiningField name="x1"/><MiningField name="x2"/>""",
            "<row><x1>0</x1><x2>0</x2><y>0.5</y></row><row><x1>1</x1><x2>2</x2><y>1.5</y></row>"
            + "<row><x1>2</x1><x2>1</x2><y>-0.5</y></row><row><x1>3</x1><x2>3</x2><y>2</y></row>", 2);
        foreach (var evaluator in Pmml.LoadBoth(document))
        {
            var result = evaluator.Evaluate(Pmml.Row(("x1", 1.5), ("x2", 1.5)));
            Assert.That((double)result["y"]!, Is.EqualTo(mean).Within(1e-12));
            Assert.That((double)result["sd"]!, Is.EqualTo(deviation).Within(1e-12));
        }
    }

    [Test]
    public void AnInvalidValueIsAnErrorNamingItsField() => Pmml.AssertRejects(Document("""<RadialBasisKernel gamma="2" noiseVariance="0.1" lambda="1.5"/>""", """<MiningField name="x1"/>""", "<row><x1>0</x1><y>1</y></row>", 1), "x1", ("x1", "abc"));
}
