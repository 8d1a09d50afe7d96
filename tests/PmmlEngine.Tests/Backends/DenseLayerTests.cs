using PmmlEngine.Backends.Compiled;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Model;
using PmmlEngine.Planning;

namespace PmmlEngine.Tests.Backends;

/// <summary>
/// A fully connected layer computed a vector of neurons at a time must give every neuron the value the interpreter
/// computes for it alone, to the bit: identity activations expose the sums themselves, whose last bits depend on the
/// order of the adds and on multiplying before adding; rectifier and logistic ones take the layer's other two paths.
/// </summary>
public sealed class DenseLayerTests
{
    [TestCase(1, 2, ActivationFunction.Identity)]
    [TestCase(7, 3, ActivationFunction.Identity)]    // a partial vector
    [TestCase(30, 16, ActivationFunction.Identity)]  // whole blocks of four vectors
    [TestCase(5, 21, ActivationFunction.Identity)]   // blocks, then single vectors, then a partial one
    [TestCase(5, 21, ActivationFunction.Rectifier)]
    [TestCase(5, 21, ActivationFunction.Logistic)]
    public void EveryNeuron_IsTheInterpretersToTheBit(int sourceCount, int neuronCount, ActivationFunction activation)
    {
        var random = new Random(sourceCount * 100 + neuronCount);
        // The sources are not in value order, and the layer's values start after them and a gap.
        var sources = Enumerable.Range(0, sourceCount).Select(i => (i * 7 + 3) % sourceCount).ToArray();
        var first = sourceCount + 2;
        double Wide() => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 4));
        var neurons = Enumerable.Range(0, neuronCount).Select(_ => new NeuronPlan(activation, Wide(), 0, 1, 1,
            sources, Enumerable.Range(0, sourceCount).Select(_ => Wide()).ToArray())).ToArray();
        var layer = new NeuralLayerPlan(first, neuronCount, NeuralNormalization.None);
        var dense = DenseLayer.TryCreate(layer, neurons) ?? throw new AssertionException("the layer is fully connected");

        var differing = 0;
        for (var record = 0; record < 200; record++)
        {
            var values = new double[first + neuronCount];
            for (var i = 0; i < sourceCount; i++)
                values[i] = Wide();
            dense.Activate(values, new double[dense.Width]);
            for (var k = 0; k < neuronCount; k++)
            {
                if (BitConverter.DoubleToInt64Bits(values[first + k]) != BitConverter.DoubleToInt64Bits(NeuralNetworkInterpreter.Activate(neurons[k], values)))
                    differing++;
            }
        }
        Assert.That(differing, Is.Zero);
    }

    [Test]
    public void NeuronsReadingDifferentValues_AreNoDenseLayer()
    {
        var layer = new NeuralLayerPlan(3, 2, NeuralNormalization.None);
        NeuronPlan Neuron(int[] sources, ActivationFunction activation = ActivationFunction.Logistic) => new(activation, 0, 0, 1, 1, sources, [1, 1]);
        Assert.That(DenseLayer.TryCreate(layer, [Neuron([0, 1]), Neuron([1, 0])]), Is.Null);
        Assert.That(DenseLayer.TryCreate(layer, [Neuron([0, 1]), Neuron([0, 1], ActivationFunction.RadialBasis)]), Is.Null);
        Assert.That(DenseLayer.TryCreate(layer, [Neuron([0, 1]), Neuron([0, 1])]), Is.Not.Null);
    }
}
