using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class BayesianNetworkParser
{
    public static BayesianNetworkModel Parse(ParseContext context, XElement element)
    {
        var nodes = element.Child("BayesianNetworkNodes");
        if (nodes is null)
            context.Report(MarkupProblemKind.MissingElement, element, "BayesianNetworkModel requires BayesianNetworkNodes");
        var model = new BayesianNetworkModel
        {
            ElementName = "BayesianNetworkModel",
            Function = ModelParser.Function(context, element),
            MiningSchema = ModelParser.ParseMiningSchema(context, element),
            Location = element.Where(),
            Nodes = (nodes?.Elements() ?? []).Where(e => e.Name.LocalName is "DiscreteNode" or "ContinuousNode").Select(n => ParseNode(context, n)).ToImmutableArray(),
        };
        return ModelParser.WithCommon(context, element, model);
    }

    private static BayesianNode ParseNode(ParseContext context, XElement node)
    {
        var continuous = node.Name.LocalName == "ContinuousNode";
        if (node.Child("DerivedField") is { } derived)
            context.Report(MarkupProblemKind.UnsupportedElement, derived, "DerivedFields inside Bayesian network nodes are not supported yet");
        var conditionals = new List<BayesianConditional>();
        var rowName = continuous ? "ContinuousConditionalProbability" : "DiscreteConditionalProbability";
        foreach (var row in node.Children(rowName))
            conditionals.Add(Conditional(context, row, continuous));
        // A root node lists its distribution directly.
        if (conditionals.Count == 0)
            conditionals.Add(Conditional(context, node, continuous));
        return new BayesianNode(context.Required(node, "name"), continuous, [.. conditionals], node.Where());
    }

    private static BayesianConditional Conditional(ParseContext context, XElement row, bool continuous) => new(
        row.Children("ParentValue").Select(p => (context.Required(p, "parent"), context.Required(p, "value"))).ToImmutableArray(),
        row.Children("ValueProbability").Select(v => (context.Required(v, "value"), context.RequiredNumber(v, "probability"))).ToImmutableArray(),
        continuous ? Distribution(context, row) : null);

    private static BayesianDistribution? Distribution(ParseContext context, XElement row)
    {
        var holder = row.Child("ContinuousDistribution") ?? row;
        var distribution = holder.Elements().FirstOrDefault(e => e.Name.LocalName.EndsWith("DistributionForBN", StringComparison.Ordinal));
        if (distribution is null)
        {
            context.Report(MarkupProblemKind.MissingElement, row, "a continuous node needs a NormalDistributionForBN, LognormalDistributionForBN, UniformDistributionForBN or TriangularDistributionForBN");
            return null;
        }
        double Parameter(string name)
        {
            var element = distribution.Child(name);
            if (element?.Child("Constant") is { } constant && ElementExtensions.TryParseNumber(constant.Text().Trim(), out var value))
                return value;
            if (element is not null)
                context.Report(MarkupProblemKind.UnsupportedElement, element, $"{name} must be a Constant; expressions over parent fields are not supported yet");
            return double.NaN;
        }
        var kind = distribution.Name.LocalName[..^"DistributionForBN".Length].ToLowerInvariant();
        return kind switch
        {
            "normal" or "lognormal" => new BayesianDistribution(kind, Parameter("Mean"), Parameter("Variance"), 0, 0),
            "uniform" => new BayesianDistribution(kind, 0, 0, Parameter("Lower"), Parameter("Upper")),
            "triangular" => new BayesianDistribution(kind, Parameter("Mean"), 0, Parameter("Lower"), Parameter("Upper")),
            _ => Unknown(context, distribution),
        };
    }

    private static BayesianDistribution? Unknown(ParseContext context, XElement distribution)
    {
        context.Report(MarkupProblemKind.UnsupportedElement, distribution, $"unknown distribution {distribution.Name.LocalName}");
        return null;
    }
}
