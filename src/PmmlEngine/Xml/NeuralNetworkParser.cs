using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class NeuralNetworkParser
{
    // PMML spells two members with a capital (Gauss, Elliott), so the generic enum reader does not apply.
    private static readonly Dictionary<string, ActivationFunction> Activations = new(StringComparer.Ordinal)
    {
        ["threshold"] = ActivationFunction.Threshold, ["logistic"] = ActivationFunction.Logistic, ["tanh"] = ActivationFunction.Tanh,
        ["identity"] = ActivationFunction.Identity, ["exponential"] = ActivationFunction.Exponential,
        ["reciprocal"] = ActivationFunction.Reciprocal, ["square"] = ActivationFunction.Square, ["Gauss"] = ActivationFunction.Gauss,
        ["sine"] = ActivationFunction.Sine, ["cosine"] = ActivationFunction.Cosine, ["Elliott"] = ActivationFunction.Elliott,
        ["arctan"] = ActivationFunction.Arctan, ["rectifier"] = ActivationFunction.Rectifier, ["radialBasis"] = ActivationFunction.RadialBasis,
    };

    public static NeuralNetwork Parse(ParseContext context, XElement element)
    {
        if (element.Attribute("activationFunction") is null)
            context.Report(MarkupProblemKind.MissingAttribute, element, "NeuralNetwork requires attribute 'activationFunction'");
        var inputs = element.Child("NeuralInputs");
        var outputs = element.Child("NeuralOutputs");
        if (inputs is null)
            context.Report(MarkupProblemKind.MissingElement, element, "NeuralNetwork requires NeuralInputs");
        if (outputs is null)
            context.Report(MarkupProblemKind.MissingElement, element, "NeuralNetwork requires NeuralOutputs");
        var model = new NeuralNetwork
        {
            ElementName = "NeuralNetwork",
            Function = ModelParser.Function(context, element),
            MiningSchema = ModelParser.ParseMiningSchema(context, element),
            Location = element.Where(),
            Activation = Activation(context, element) ?? ActivationFunction.Logistic,
            Normalization = context.Enum(element, "normalizationMethod", NeuralNormalization.None),
            Threshold = context.Number(element, "threshold", 0.0),
            Width = context.OptionalNumber(element, "width"),
            Altitude = context.Number(element, "altitude", 1.0),
            Inputs = (inputs?.Children("NeuralInput") ?? []).Select(i => new NeuralInput(context.Required(i, "id"),
                DerivedField(context, i, $"NeuralInput '{i.Attr("id")}'"), i.Where())).ToImmutableArray(),
            Layers = element.Children("NeuralLayer").Select(l => ParseLayer(context, l)).ToImmutableArray(),
            NeuralOutputs = (outputs?.Children("NeuralOutput") ?? []).Select(o => new NeuralOutput(context.Required(o, "outputNeuron"),
                DerivedField(context, o, $"NeuralOutput '{o.Attr("outputNeuron")}'"), o.Where())).ToImmutableArray(),
        };
        return ModelParser.WithCommon(context, element, model);
    }

    private static NeuralLayer ParseLayer(ParseContext context, XElement layer) => new(
        Activation(context, layer),
        context.OptionalEnum<NeuralNormalization>(layer, "normalizationMethod"),
        context.OptionalNumber(layer, "threshold"),
        context.OptionalNumber(layer, "width"),
        context.OptionalNumber(layer, "altitude"),
        layer.Children("Neuron").Select(n => new Neuron(context.Required(n, "id"), context.Number(n, "bias", 0.0),
            context.OptionalNumber(n, "width"), context.OptionalNumber(n, "altitude"),
            n.Children("Con").Select(c => new NeuralConnection(context.Required(c, "from"), context.RequiredNumber(c, "weight"))).ToImmutableArray(),
            n.Where())).ToImmutableArray(),
        layer.Where());

    private static DerivedField DerivedField(ParseContext context, XElement owner, string name)
    {
        if (owner.Child("DerivedField") is { } field)
            return DictionaryParser.ParseDerivedField(context, field, field.Attr("name") ?? name);
        context.Report(MarkupProblemKind.MissingElement, owner, $"{owner.Name.LocalName} requires a DerivedField");
        return new DerivedField(name, null, Types.DataType.Double, new ConstantExpression(null, null, true, owner.Where()), [], owner.Where());
    }

    private static ActivationFunction? Activation(ParseContext context, XElement element)
    {
        var attribute = element.Attribute("activationFunction");
        if (attribute is null)
            return null;
        if (Activations.TryGetValue(attribute.Value, out var activation))
            return activation;
        context.Report(MarkupProblemKind.InvalidAttribute, attribute, $"'{attribute.Value}' is not one of {string.Join(", ", Activations.Keys)}");
        return null;
    }
}
