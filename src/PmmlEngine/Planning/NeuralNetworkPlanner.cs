using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

internal sealed class NeuralNetworkPlanner(ModelPlanner models)
{
    private PlanningContext Context => models.Context;

    /// <summary>The categories a classification network's outputs name (NormDiscrete values), in document order.</summary>
    public static IEnumerable<string> Categories(NeuralNetwork network) =>
        network.NeuralOutputs.Select(o => o.Field.Expression).OfType<NormDiscreteExpression>().Select(n => n.Value);

    public NeuralNetworkPlan Plan(NeuralNetwork network, Scope scope, TargetPlan target, int[] active)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var inputs = new int[network.Inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            var input = network.Inputs[i];
            Declare(ids, input.Id, i, input.Location);
            var slot = new DerivedSlot(input.Field.Name, input.Field.DataType, input.Field.OpType ?? Planner.DefaultOpType(input.Field.DataType), input.Field.Location);
            inputs[i] = Context.Add(slot);
            slot.Expression = models.Expressions.Plan(input.Field.Expression, scope);
        }

        var neurons = new List<NeuronPlan>();
        var layers = new List<NeuralLayerPlan>();
        foreach (var layer in network.Layers)
        {
            var first = inputs.Length + neurons.Count;
            // Connections may only reach back to inputs and earlier layers, so ids are declared after the layer is planned.
            var planned = layer.Neurons.Select(n => PlanNeuron(network, layer, n, ids)).ToArray();
            for (var k = 0; k < planned.Length; k++)
                Declare(ids, layer.Neurons[k].Id, first + k, layer.Neurons[k].Location);
            neurons.AddRange(planned);
            layers.Add(new NeuralLayerPlan(first, planned.Length, layer.Normalization ?? network.Normalization));
        }

        var plan = new NeuralNetworkPlan
        {
            Element = network,
            Target = target,
            ActiveSlots = active,
            InputSlots = inputs,
            Neurons = neurons.ToArray(),
            Layers = layers.ToArray(),
        };
        return network.Function == MiningFunction.Classification ? WithCategories(network, plan, ids) : WithPrediction(network, plan, ids);
    }

    private NeuronPlan PlanNeuron(NeuralNetwork network, NeuralLayer layer, Neuron neuron, Dictionary<string, int> ids)
    {
        var activation = layer.Activation ?? network.Activation;
        var width = neuron.Width ?? layer.Width ?? network.Width;
        if (activation == ActivationFunction.RadialBasis && width is null)
            Context.Error(MarkupProblemKind.MissingAttribute, $"Neuron '{neuron.Id}' uses radialBasis but no width is set on it, its layer or the network", neuron.Location);
        var sources = new int[neuron.Connections.Length];
        for (var c = 0; c < sources.Length; c++)
            sources[c] = Lookup(ids, neuron.Connections[c].From, neuron.Location, $"Con in Neuron '{neuron.Id}'");
        return new NeuronPlan(activation, neuron.Bias, layer.Threshold ?? network.Threshold, width ?? 1.0,
            neuron.Altitude ?? layer.Altitude ?? network.Altitude, sources, neuron.Connections.Select(c => c.Weight).ToArray());
    }

    private NeuralNetworkPlan WithCategories(NeuralNetwork network, NeuralNetworkPlan plan, Dictionary<string, int> ids)
    {
        var values = Enumerable.Repeat(-1, plan.Target.Categories.Length).ToArray();
        foreach (var output in network.NeuralOutputs)
        {
            var value = Lookup(ids, output.OutputNeuron, output.Location, "NeuralOutput");
            if (output.Field.Expression is NormDiscreteExpression normDiscrete && normDiscrete.Field == plan.Target.FieldName)
            {
                var index = plan.Target.IndexOf(Context.Parse(normDiscrete.Value, plan.Target.DataType, normDiscrete.Location));
                if (index >= 0)
                    values[index] = value;
            }
            else
            {
                Context.Error(MarkupProblemKind.UnsupportedElement,
                    $"NeuralOutput '{output.OutputNeuron}' of a classification network must be a NormDiscrete of target '{plan.Target.FieldName}'", output.Location);
            }
        }
        return Copy(plan, values, -1, null);
    }

    private NeuralNetworkPlan WithPrediction(NeuralNetwork network, NeuralNetworkPlan plan, Dictionary<string, int> ids)
    {
        if (network.NeuralOutputs.Length != 1)
        {
            Context.Error(MarkupProblemKind.UnsupportedElement,
                $"a regression NeuralNetwork needs exactly one NeuralOutput for its target, found {network.NeuralOutputs.Length}", network.Location);
            return plan;
        }
        var output = network.NeuralOutputs[0];
        var value = Lookup(ids, output.OutputNeuron, output.Location, "NeuralOutput");
        switch (output.Field.Expression)
        {
            case FieldRefExpression reference when reference.Field == plan.Target.FieldName || plan.Target.FieldName is null:
                return Copy(plan, null, value, null);
            case NormContinuousExpression norm when norm.Field == plan.Target.FieldName || plan.Target.FieldName is null:
                if (norm.Norms.Length < 2)
                    Context.Error(MarkupProblemKind.InvalidElement, "NormContinuous needs at least two LinearNorm points", norm.Location);
                return Copy(plan, null, value, norm.Norms.ToArray());
            default:
                Context.Error(MarkupProblemKind.UnsupportedElement,
                    $"NeuralOutput '{output.OutputNeuron}' of a regression network must be a FieldRef or NormContinuous of target '{plan.Target.FieldName}'", output.Location);
                return plan;
        }
    }

    private static NeuralNetworkPlan Copy(NeuralNetworkPlan plan, int[]? categories, int predicted, LinearNorm[]? denormalization) => new()
    {
        Element = plan.Element,
        Target = plan.Target,
        ActiveSlots = plan.ActiveSlots,
        InputSlots = plan.InputSlots,
        Neurons = plan.Neurons,
        Layers = plan.Layers,
        CategoryValues = categories,
        PredictedValue = predicted,
        Denormalization = denormalization,
    };

    private void Declare(Dictionary<string, int> ids, string id, int value, SourceLocation location)
    {
        if (!ids.TryAdd(id, value))
            Context.Error(MarkupProblemKind.InvalidElement, $"neuron id '{id}' is used twice", location);
    }

    private int Lookup(Dictionary<string, int> ids, string id, SourceLocation location, string what)
    {
        if (ids.TryGetValue(id, out var value))
            return value;
        Context.Error(MarkupProblemKind.InvalidAttribute, $"{what} refers to '{id}', which is no NeuralInput or Neuron of an earlier layer", location);
        return 0;
    }
}
