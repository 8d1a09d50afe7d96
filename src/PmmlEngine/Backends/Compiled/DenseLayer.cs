using System.Numerics;
using System.Runtime.InteropServices;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Model;
using PmmlEngine.Planning;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A fully connected layer: every neuron reads the same values in the same order. Its weights are stored transposed,
/// neuron-minor and padded to whole vectors, so one pass over the sources updates the sums of a vector of neurons at
/// a time instead of walking one neuron's connections after another. Each lane still adds its own neuron's products in
/// document order, multiplying and then adding as the interpreter does, so every sum is the interpreter's to the bit.
/// </summary>
internal sealed class DenseLayer
{
    private static readonly int Lanes = Vector<double>.Count;
    private readonly NeuralLayerPlan _layer;
    private readonly NeuronPlan[] _neurons;
    private readonly int[] _sources;
    // The neurons' activation when they share one (they do when it comes from the layer or network), else null.
    private readonly ActivationFunction? _activation;
    private readonly double[] _biases;
    // _weights[source * Width + neuron]
    private readonly double[] _weights;

    private DenseLayer(NeuralLayerPlan layer, NeuronPlan[] neurons)
    {
        _layer = layer;
        _neurons = neurons;
        _sources = neurons[0].Sources;
        _activation = neurons.All(n => n.Activation == neurons[0].Activation) ? neurons[0].Activation : null;
        Width = (neurons.Length + Lanes - 1) / Lanes * Lanes;
        _biases = new double[Width];
        _weights = new double[_sources.Length * Width];
        for (var k = 0; k < neurons.Length; k++)
        {
            _biases[k] = neurons[k].Bias;
            for (var c = 0; c < _sources.Length; c++)
                _weights[c * Width + k] = neurons[k].Weights[c];
        }
    }

    /// <summary>The neurons rounded up to whole vectors: the length of the sums buffer <see cref="Activate"/> needs.</summary>
    public int Width { get; }

    /// <summary>The layer of <paramref name="neurons"/> as a dense one, or null when they read different values or one is a radial basis unit.</summary>
    public static DenseLayer? TryCreate(NeuralLayerPlan layer, NeuronPlan[] neurons)
    {
        if (neurons.Length < 2 || !Vector.IsHardwareAccelerated)
            return null;
        foreach (var neuron in neurons)
        {
            if (neuron.Activation == ActivationFunction.RadialBasis || !neuron.Sources.AsSpan().SequenceEqual(neurons[0].Sources))
                return null;
        }
        return new DenseLayer(layer, neurons);
    }

    /// <summary>Computes the layer's neurons into <paramref name="values"/>, before normalization; <paramref name="sums"/> is scratch of <see cref="Width"/>.</summary>
    public void Activate(double[] values, Span<double> sums)
    {
        var z = MemoryMarshal.Cast<double, Vector<double>>(sums[..Width]);
        var biases = MemoryMarshal.Cast<double, Vector<double>>(_biases);
        var weights = MemoryMarshal.Cast<double, Vector<double>>(_weights);
        var blocks = z.Length;
        var b = 0;
        // Four vectors of neurons at a time stay in registers across all the sources: four independent chains of adds.
        for (; b + 4 <= blocks; b += 4)
        {
            Vector<double> z0 = biases[b], z1 = biases[b + 1], z2 = biases[b + 2], z3 = biases[b + 3];
            for (int c = 0, at = b; c < _sources.Length; c++, at += blocks)
            {
                var x = new Vector<double>(values[_sources[c]]);
                z0 += weights[at] * x;
                z1 += weights[at + 1] * x;
                z2 += weights[at + 2] * x;
                z3 += weights[at + 3] * x;
            }
            z[b] = z0; z[b + 1] = z1; z[b + 2] = z2; z[b + 3] = z3;
        }
        for (; b < blocks; b++)
        {
            var z0 = biases[b];
            for (int c = 0, at = b; c < _sources.Length; c++, at += blocks)
                z0 += weights[at] * new Vector<double>(values[_sources[c]]);
            z[b] = z0;
        }
        var outputs = values.AsSpan(_layer.First, _neurons.Length);
        switch (_activation)
        {
            // The cheap activations as plain loops (rectifier is sklearn's default): a call per neuron would cost more.
            case ActivationFunction.Rectifier:
                for (var k = 0; k < outputs.Length; k++)
                    outputs[k] = Math.Max(0.0, sums[k]);
                break;
            case ActivationFunction.Identity:
                sums[..outputs.Length].CopyTo(outputs);
                break;
            default:
                for (var k = 0; k < outputs.Length; k++)
                    outputs[k] = NeuralNetworkInterpreter.Activation(_neurons[k], sums[k]);
                break;
        }
    }
}
