using PmmlEngine.Model;
using PmmlEngine.Functions;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// PMML 4.4 NeuralNetwork. Each neuron's Z is its bias plus its weighted inputs in document order (radialBasis: the
/// squared distance of the inputs from the weights over 2·width²), its output the activation of Z; a layer's outputs
/// are then normalized together (simplemax: over their sum; softmax: exp over the sum of exps). A missing input means
/// no prediction. Classification reads each category's probability from the neuron its NormDiscrete output names;
/// regression reads one neuron and inverts the output's NormContinuous.
/// </summary>
internal static class NeuralNetworkInterpreter
{
    public static ModelResult Evaluate(NeuralNetworkPlan plan, RowContext row)
    {
        var result = new ModelResult(plan.Target);
        var values = new double[plan.ValueCount];
        if (Forward(plan, row, values))
            Finish(plan, values, result, new double[plan.Target.Categories.Length]);
        return result;
    }

    /// <summary>Fills <paramref name="values"/>; false when an input is missing.</summary>
    internal static bool Forward(NeuralNetworkPlan plan, RowContext row, double[] values)
    {
        if (!ReadInputs(plan, row, values))
            return false;
        foreach (var layer in plan.Layers)
        {
            Activate(plan, layer, values);
            Normalize(layer, values.AsSpan(layer.First, layer.Count));
        }
        return true;
    }

    /// <summary>Puts the inputs' numbers first in <paramref name="values"/>; false when one is missing.</summary>
    internal static bool ReadInputs(NeuralNetworkPlan plan, RowContext row, double[] values)
    {
        var inputs = plan.InputSlots;
        for (var i = 0; i < inputs.Length; i++)
        {
            if (!row.Get(inputs[i]).TryGetNumber(out var x))
                return false;
            values[i] = x;
        }
        return true;
    }

    /// <summary>Computes each neuron of <paramref name="layer"/> in turn, before normalization.</summary>
    internal static void Activate(NeuralNetworkPlan plan, NeuralLayerPlan layer, double[] values)
    {
        var neurons = plan.Neurons;
        var offset = layer.First - plan.InputSlots.Length;
        for (var k = 0; k < layer.Count; k++)
            values[layer.First + k] = Activate(neurons[offset + k], values);
    }

    internal static void Finish(NeuralNetworkPlan plan, double[] values, ModelResult result, double[] probabilities)
    {
        if (plan.CategoryValues is { } categories)
        {
            for (var c = 0; c < categories.Length; c++)
                probabilities[c] = categories[c] < 0 ? 0.0 : values[categories[c]];
            result.SetDistribution(probabilities);
            return;
        }
        if (plan.PredictedValue < 0)
            return;
        var y = values[plan.PredictedValue];
        result.Predicted = Value.Of(plan.Denormalization is { } norms ? Denormalize(norms, y) : y);
    }

    /// <summary>A neuron's output: its activation of Z computed from <paramref name="values"/>.</summary>
    internal static double Activate(NeuronPlan neuron, double[] values)
    {
        var sources = neuron.Sources;
        var weights = neuron.Weights;
        if (neuron.Activation == ActivationFunction.RadialBasis)
        {
            var distance = 0.0;
            for (var c = 0; c < sources.Length; c++)
            {
                var d = values[sources[c]] - weights[c];
                distance += d * d;
            }
            var z = distance / (2 * neuron.Width * neuron.Width);
            return Math.Exp(sources.Length * Math.Log(neuron.Altitude) - z);
        }
        var sum = neuron.Bias;
        for (var c = 0; c < sources.Length; c++)
            sum += weights[c] * values[sources[c]];
        return Activation(neuron, sum);
    }

    /// <summary>A neuron's activation function applied to its Z (every function but radialBasis, whose Z is a distance).</summary>
    internal static double Activation(NeuronPlan neuron, double sum)
    {
        return neuron.Activation switch
        {
            ActivationFunction.Threshold => sum > neuron.Threshold ? 1.0 : 0.0,
            ActivationFunction.Logistic => 1.0 / (1.0 + Math.Exp(-sum)),
            ActivationFunction.Tanh => Math.Tanh(sum),
            ActivationFunction.Identity => sum,
            ActivationFunction.Exponential => Math.Exp(sum),
            ActivationFunction.Reciprocal => 1.0 / sum,
            ActivationFunction.Square => sum * sum,
            ActivationFunction.Gauss => Math.Exp(-(sum * sum)),
            ActivationFunction.Sine => Math.Sin(sum),
            ActivationFunction.Cosine => Math.Cos(sum),
            ActivationFunction.Elliott => sum / (1.0 + Math.Abs(sum)),
            ActivationFunction.Arctan => 2.0 * Math.Atan(sum) / Math.PI,
            ActivationFunction.Rectifier => Math.Max(0.0, sum),
            _ => throw new InvalidOperationException($"activation {neuron.Activation}"),
        };
    }

    internal static void Normalize(NeuralLayerPlan layer, Span<double> outputs)
    {
        switch (layer.Normalization)
        {
            case NeuralNormalization.Simplemax:
                ProbabilityNormalization.Simplemax(outputs, outputs);
                break;
            case NeuralNormalization.Softmax:
                ProbabilityNormalization.Softmax(outputs, outputs);
                break;
        }
    }

    /// <summary>The inverse of a piecewise-linear NormContinuous, extrapolating beyond the outer points.</summary>
    internal static double Denormalize(LinearNorm[] norms, double y)
    {
        var i = 0;
        while (i < norms.Length - 2 && y > norms[i + 1].Norm)
            i++;
        var (a, b) = (norms[i], norms[i + 1]);
        return a.Orig + (y - a.Norm) * (b.Orig - a.Orig) / (b.Norm - a.Norm);
    }
}
