using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class SupportVectorMachineParser
{
    private static readonly Dictionary<string, SvmKernelType> Kernels = new(StringComparer.Ordinal)
    {
        ["LinearKernelType"] = SvmKernelType.Linear,
        ["PolynomialKernelType"] = SvmKernelType.Polynomial,
        ["RadialBasisKernelType"] = SvmKernelType.RadialBasis,
        ["SigmoidKernelType"] = SvmKernelType.Sigmoid,
    };

    public static SupportVectorMachineModel Parse(ParseContext context, XElement element)
    {
        var dictionary = element.Child("VectorDictionary");
        if (dictionary is null)
            context.Report(MarkupProblemKind.MissingElement, element, "SupportVectorMachineModel requires a VectorDictionary");
        var fields = (dictionary?.Child("VectorFields")?.Elements() ?? []).Select(f => f.Name.LocalName switch
        {
            "FieldRef" => new SvmVectorField(context.Required(f, "field"), null, 1.0),
            "CategoricalPredictor" => new SvmVectorField(context.Required(f, "name"), context.Required(f, "value"), context.Number(f, "coefficient", 1.0)),
            _ => null,
        }).OfType<SvmVectorField>().ToImmutableArray();
        var model = new SupportVectorMachineModel
        {
            ElementName = "SupportVectorMachineModel",
            Function = ModelParser.Function(context, element),
            MiningSchema = ModelParser.ParseMiningSchema(context, element),
            Location = element.Where(),
            Kernel = ParseKernel(context, element),
            Threshold = context.Number(element, "threshold", 0.0),
            CoefficientsRepresentation = element.Attr("svmRepresentation") == "Coefficients",
            ClassificationMethod = Method(context, element),
            MaxWins = context.Boolean(element, "maxWins", false),
            AlternateBinaryTargetCategory = element.Attr("alternateBinaryTargetCategory"),
            VectorFields = fields,
            Vectors = (dictionary?.Children("VectorInstance") ?? []).Select(v => new SupportVectorInstance(context.Required(v, "id"),
                Coordinates(context, v, fields.Length))).ToImmutableArray(),
            Machines = element.Children("SupportVectorMachine").Select(m => ParseMachine(context, m)).ToImmutableArray(),
        };
        return ModelParser.WithCommon(context, element, model);
    }

    // PMML spells these members with a capital, so the generic enum reader does not apply.
    private static SvmClassificationMethod? Method(ParseContext context, XElement element)
    {
        var attribute = element.Attribute("classificationMethod");
        if (attribute is null)
            return null;
        switch (attribute.Value)
        {
            case "OneAgainstAll":
                return SvmClassificationMethod.OneAgainstAll;
            case "OneAgainstOne":
                return SvmClassificationMethod.OneAgainstOne;
        }
        context.Report(MarkupProblemKind.InvalidAttribute, attribute, $"'{attribute.Value}' is not one of OneAgainstAll, OneAgainstOne");
        return null;
    }

    private static SvmKernel ParseKernel(ParseContext context, XElement model)
    {
        var kernel = model.Elements().FirstOrDefault(e => Kernels.ContainsKey(e.Name.LocalName));
        if (kernel is null)
        {
            context.Report(MarkupProblemKind.MissingElement, model, $"SupportVectorMachineModel requires one of {string.Join(", ", Kernels.Keys)}");
            return new SvmKernel(SvmKernelType.Linear, 1, 1, 1);
        }
        return new SvmKernel(Kernels[kernel.Name.LocalName], context.Number(kernel, "gamma", 1.0), context.Number(kernel, "coef0", 1.0),
            context.Number(kernel, "degree", 1.0));
    }

    /// <summary>A dense Array, or a sparse array whose 1-based Indices name the non-zero Entries.</summary>
    private static ImmutableArray<double> Coordinates(ParseContext context, XElement instance, int length)
    {
        if (instance.Child("Array") is { } dense)
            return [.. MatrixParser.Numbers(context, dense)];
        var sparse = instance.Elements().FirstOrDefault(e => e.Name.LocalName.EndsWith("SparseArray", StringComparison.Ordinal));
        if (sparse is null)
        {
            context.Report(MarkupProblemKind.MissingElement, instance, "VectorInstance requires an Array or a sparse array");
            return [];
        }
        var values = new double[context.Integer(sparse, "n", length)];
        var indices = sparse.Child("Indices") is { } i ? ArrayParser.ParseStrings(context, i) : [];
        var entries = sparse.Elements().FirstOrDefault(e => e.Name.LocalName.EndsWith("Entries", StringComparison.Ordinal)) is { } e
            ? ArrayParser.ParseStrings(context, e) : [];
        if (indices.Length != entries.Length)
            context.Report(MarkupProblemKind.InvalidElement, sparse, $"sparse array has {indices.Length} indices but {entries.Length} entries");
        for (var k = 0; k < Math.Min(indices.Length, entries.Length); k++)
        {
            if (int.TryParse(indices[k], out var index) && index >= 1 && index <= values.Length && ElementExtensions.TryParseNumber(entries[k], out var value))
                values[index - 1] = value;
            else
                context.Report(MarkupProblemKind.InvalidElement, sparse, $"sparse entry {indices[k]} = {entries[k]} is not a 1-based index up to {values.Length} and a number");
        }
        return [.. values];
    }

    private static SupportVectorMachine ParseMachine(ParseContext context, XElement machine)
    {
        var coefficients = machine.Child("Coefficients");
        if (coefficients is null)
            context.Report(MarkupProblemKind.MissingElement, machine, "SupportVectorMachine requires Coefficients");
        return new SupportVectorMachine(
            machine.Attr("targetCategory"),
            machine.Attr("alternateTargetCategory"),
            context.OptionalNumber(machine, "threshold"),
            (machine.Child("SupportVectors")?.Children("SupportVector") ?? []).Select(v => context.Required(v, "vectorId")).ToImmutableArray(),
            (coefficients?.Children("Coefficient") ?? []).Select(c => context.Number(c, "value", 0.0)).ToImmutableArray(),
            coefficients is null ? 0.0 : context.Number(coefficients, "absoluteValue", 0.0),
            machine.Where());
    }
}
