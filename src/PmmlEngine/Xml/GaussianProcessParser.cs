using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class GaussianProcessParser
{
    private static readonly Dictionary<string, GaussianProcessKernelType> Kernels = new(StringComparer.Ordinal)
    {
        ["RadialBasisKernel"] = GaussianProcessKernelType.RadialBasis,
        ["ARDSquaredExponentialKernel"] = GaussianProcessKernelType.ArdSquaredExponential,
        ["AbsoluteExponentialKernel"] = GaussianProcessKernelType.AbsoluteExponential,
        ["GeneralizedExponentialKernel"] = GaussianProcessKernelType.GeneralizedExponential,
    };

    public static GaussianProcessModel Parse(ParseContext context, XElement element)
    {
        var (fields, instances) = InstanceFieldsParser.Parse(context, element);
        var model = new GaussianProcessModel
        {
            ElementName = "GaussianProcessModel",
            Function = ModelParser.Function(context, element),
            MiningSchema = ModelParser.ParseMiningSchema(context, element),
            Location = element.Where(),
            Kernel = ParseKernel(context, element),
            InstanceFields = fields,
            Instances = instances,
        };
        return ModelParser.WithCommon(context, element, model);
    }

    private static GaussianProcessKernel ParseKernel(ParseContext context, XElement model)
    {
        var kernel = model.Elements().FirstOrDefault(e => Kernels.ContainsKey(e.Name.LocalName));
        if (kernel is null)
        {
            context.Report(MarkupProblemKind.MissingElement, model, $"GaussianProcessModel requires one of {string.Join(", ", Kernels.Keys)}");
            return new GaussianProcessKernel(GaussianProcessKernelType.RadialBasis, 1, 1, [1], 1);
        }
        var type = Kernels[kernel.Name.LocalName];
        // The radial basis kernel has one length scale as an attribute; the others one per input in a Lambda array.
        var lambda = type == GaussianProcessKernelType.RadialBasis
            ? [context.Number(kernel, "lambda", 1.0)]
            : kernel.Child("Lambda")?.Child("Array") is { } array ? MatrixParser.Numbers(context, array) : [];
        return new GaussianProcessKernel(type, context.Number(kernel, "gamma", 1.0), context.Number(kernel, "noiseVariance", 1.0), [.. lambda],
            context.Number(kernel, "degree", 1.0));
    }
}
