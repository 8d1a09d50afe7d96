using PmmlEngine.Errors;
using PmmlEngine.Evaluation;

namespace PmmlEngine.Tests.Evaluation;

/// <summary>
/// NeuralNetwork activations, normalizations, inputs and outputs on both backends. Expectations come from the PMML 4.4
/// formulas evaluated in Python (math.tanh, math.exp …), not from the engine.
/// </summary>
[TestFixture]
public sealed class NeuralNetworkTests
{
    // i1 = NormContinuous(x: 0→-1, 10→1), i2 = NormDiscrete(c = "u"); tanh hidden layer; identity output layer with softmax.
    internal const string Classifier = """
        <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/>
          <DataDictionary>
            <DataField name="x" optype="continuous" dataType="double"/>
            <DataField name="c" optype="categorical" dataType="string"><Value value="u"/><Value value="v"/></DataField>
            <DataField name="y" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/></DataField>
          </DataDictionary>
          <NeuralNetwork functionName="classification" activationFunction="tanh">
            <MiningSchema><MiningField name="x"/><MiningField name="c"/><MiningField name="y" usageType="target"/></MiningSchema>
            <Output>
              <OutputField name="pa" feature="probability" value="a"/>
              <OutputField name="pb" feature="probability" value="b"/>
            </Output>
            <Targets><Target field="y"><TargetValue value="a" priorProbability="0.3"/><TargetValue value="b" priorProbability="0.7"/></Target></Targets>
            <NeuralInputs>
              <NeuralInput id="i1"><DerivedField optype="continuous" dataType="double">
                <NormContinuous field="x"><LinearNorm orig="0" norm="-1"/><LinearNorm orig="10" norm="1"/></NormContinuous></DerivedField></NeuralInput>
              <NeuralInput id="i2"><DerivedField optype="continuous" dataType="double"><NormDiscrete field="c" value="u"/></DerivedField></NeuralInput>
            </NeuralInputs>
            <NeuralLayer>
              <Neuron id="h1" bias="0.5"><Con from="i1" weight="1.2"/><Con from="i2" weight="-0.7"/></Neuron>
              <Neuron id="h2" bias="-0.3"><Con from="i1" weight="0.4"/><Con from="i2" weight="0.9"/></Neuron>
            </NeuralLayer>
            <NeuralLayer activationFunction="identity" normalizationMethod="softmax">
              <Neuron id="oa" bias="0.1"><Con from="h1" weight="1.5"/><Con from="h2" weight="-0.5"/></Neuron>
              <Neuron id="ob" bias="-0.2"><Con from="h1" weight="-1.0"/><Con from="h2" weight="0.8"/></Neuron>
            </NeuralLayer>
            <NeuralOutputs>
              <NeuralOutput outputNeuron="oa"><DerivedField optype="categorical" dataType="string"><NormDiscrete field="y" value="a"/></DerivedField></NeuralOutput>
              <NeuralOutput outputNeuron="ob"><DerivedField optype="categorical" dataType="string"><NormDiscrete field="y" value="b"/></DerivedField></NeuralOutput>
            </NeuralOutputs>
          </NeuralNetwork>
        </PMML>
        """;

    [TestCase(3.0, "u", "b", 0.15231785297869446, 0.8476821470213055)]
    [TestCase(12.0, "v", "a", 0.9173087261194917, 0.08269127388050838)]   // beyond the last LinearNorm: extrapolated
    [TestCase(5.0, "v", "a", 0.8622374670491415, 0.1377625329508585)]
    [TestCase(null, "u", "b", 0.3, 0.7)]                                    // a missing input: the priors
    public void Classifies(double? x, string c, string predicted, double pa, double pb)
    {
        foreach (var evaluator in Pmml.LoadBoth(Classifier))
        {
            var result = evaluator.Evaluate(Pmml.Row(("x", x), ("c", c)));
            Assert.That(result["y"], Is.EqualTo(predicted));
            Assert.That((double)result["pa"]!, Is.EqualTo(pa).Within(1e-14));
            Assert.That((double)result["pb"]!, Is.EqualTo(pb).Within(1e-14));
        }
    }

    [Test]
    public void AnInvalidCategoryIsAnErrorNamingTheField()
    {
        foreach (var evaluator in Pmml.LoadBoth(Classifier))
        {
            var error = Assert.Throws<PmmlEvaluationException>(() => evaluator.Evaluate(Pmml.Row(("x", 1.0), ("c", "w"))));
            Assert.That(error!.Field, Is.EqualTo("c"));
        }
    }

    // One neuron, Z = 0.5 + 2x, its output read through NormContinuous(y: 0→0, 100→1), i.e. times 100.
    internal static string Regression(string activation) => $"""
        <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/>
          <DataDictionary><DataField name="x" optype="continuous" dataType="double"/><DataField name="y" optype="continuous" dataType="double"/></DataDictionary>
          <NeuralNetwork functionName="regression" activationFunction="{activation}" threshold="0.75">
            <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
            <NeuralInputs><NeuralInput id="in"><DerivedField optype="continuous" dataType="double"><FieldRef field="x"/></DerivedField></NeuralInput></NeuralInputs>
            <NeuralLayer><Neuron id="n" bias="0.5"><Con from="in" weight="2"/></Neuron></NeuralLayer>
            <NeuralOutputs><NeuralOutput outputNeuron="n"><DerivedField optype="continuous" dataType="double">
              <NormContinuous field="y"><LinearNorm orig="0" norm="0"/><LinearNorm orig="100" norm="1"/></NormContinuous></DerivedField></NeuralOutput></NeuralOutputs>
          </NeuralNetwork>
        </PMML>
        """;

    [TestCase("threshold", 0.2, 100.0)]
    [TestCase("threshold", -1.3, 0.0)]
    [TestCase("logistic", 0.2, 71.09495026250039)]
    [TestCase("logistic", -1.3, 10.909682119561293)]
    [TestCase("tanh", -1.3, -97.04519366134538)]
    [TestCase("identity", -1.3, -210.0)]
    [TestCase("exponential", 0.2, 245.960311115695)]
    [TestCase("reciprocal", -1.3, -47.61904761904761)]
    [TestCase("square", -1.3, 441.0)]
    [TestCase("Gauss", 0.2, 44.48580662229411)]
    [TestCase("sine", -1.3, -86.32093666488737)]
    [TestCase("cosine", 0.2, 62.16099682706644)]
    [TestCase("Elliott", -1.3, -67.74193548387098)]
    [TestCase("arctan", 0.2, 46.65245832868518)]
    [TestCase("rectifier", 0.2, 90.0)]
    [TestCase("rectifier", -1.3, 0.0)]
    public void ActivatesAndDenormalizes(string activation, double x, double expected)
    {
        foreach (var evaluator in Pmml.LoadBoth(Regression(activation)))
            Assert.That((double)evaluator.Evaluate(Pmml.Row(("x", x)))["y"]!, Is.EqualTo(expected).Within(1e-12));
    }

    // radialBasis: exp(fan-in · ln(altitude) − Σ(x − w)² / (2 · width²)); the bias is not used.
    [TestCase(0.2, 1.0, 2.581876818087875)]
    [TestCase(-1.3, 0.5, 1.8915667846343935)]
    public void RadialBasis(double x1, double x2, double expected)
    {
        const string document = """
            <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/>
              <DataDictionary>
                <DataField name="x1" optype="continuous" dataType="double"/><DataField name="x2" optype="continuous" dataType="double"/>
                <DataField name="y" optype="continuous" dataType="double"/>
              </DataDictionary>
              <NeuralNetwork functionName="regression" activationFunction="identity" width="9">
                <MiningSchema><MiningField name="x1"/><MiningField name="x2"/><MiningField name="y" usageType="target"/></MiningSchema>
                <NeuralInputs>
                  <NeuralInput id="a"><DerivedField optype="continuous" dataType="double"><FieldRef field="x1"/></DerivedField></NeuralInput>
                  <NeuralInput id="b"><DerivedField optype="continuous" dataType="double"><FieldRef field="x2"/></DerivedField></NeuralInput>
                </NeuralInputs>
                <NeuralLayer activationFunction="radialBasis" altitude="2">
                  <Neuron id="r" bias="100" width="1.5"><Con from="a" weight="0.3"/><Con from="b" weight="-0.4"/></Neuron>
                </NeuralLayer>
                <NeuralOutputs><NeuralOutput outputNeuron="r"><DerivedField optype="continuous" dataType="double"><FieldRef field="y"/></DerivedField></NeuralOutput></NeuralOutputs>
              </NeuralNetwork>
            </PMML>
            """;
        foreach (var evaluator in Pmml.LoadBoth(document))
            Assert.That((double)evaluator.Evaluate(Pmml.Row(("x1", x1), ("x2", x2)))["y"]!, Is.EqualTo(expected).Within(1e-14));
    }

    [Test]
    public void AConnectionToAnUnknownNeuronIsAMarkupErrorWithItsLine()
    {
        var document = Regression("identity").Replace("<Con from=\"in\"", "\n<Con from=\"nowhere\"");
        var error = Assert.Throws<PmmlMarkupException>(() => Pmml.Load(document));
        Assert.That(error!.Problems[0].Message, Does.Contain("nowhere"));
        Assert.That(error.Problems[0].Location.Line, Is.EqualTo(6));
    }
}
