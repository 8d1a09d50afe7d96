using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Xml;

internal static class ExpressionParser
{
    /// <summary>The expression elements <see cref="Parse"/> reads (the registry <see cref="Support.SupportedFeatures"/> documents).</summary>
    public static IReadOnlyList<string> Supported { get; } =
        ["Constant", "FieldRef", "NormContinuous", "NormDiscrete", "Discretize", "MapValues", "TextIndex", "Apply"];

    /// <summary>Expression elements that are recognised and refused, with the reason.</summary>
    public static IReadOnlyDictionary<string, string> Refused { get; } = new Dictionary<string, string>
    {
        ["Aggregate"] = "it aggregates over several records, and this engine scores one record at a time",
        ["Lag"] = "it reads earlier records, and this engine scores one record at a time",
    };

    private static readonly HashSet<string> Known = [.. Supported, .. Refused.Keys];

    public static bool IsExpression(XElement element) => Known.Contains(element.Name.LocalName);

    /// <summary>The one expression a DerivedField, DefineFunction or OutputField holds.</summary>
    public static Expression ParseSingle(ParseContext context, XElement container)
    {
        var element = container.Elements().FirstOrDefault(IsExpression);
        if (element is null)
        {
            context.Report(MarkupProblemKind.MissingElement, container, $"{container.Name.LocalName} requires an expression");
            return new ConstantExpression(null, null, true, container.Where());
        }
        return Parse(context, element);
    }

    public static Expression? ParseOptional(ParseContext context, XElement container)
    {
        var element = container.Elements().FirstOrDefault(IsExpression);
        return element is null ? null : Parse(context, element);
    }

    public static Expression Parse(ParseContext context, XElement element)
    {
        var where = element.Where();
        switch (element.Name.LocalName)
        {
            case "Constant":
                return new ConstantExpression(element.Text(), context.OptionalDataType(element),
                    context.Boolean(element, "missing", false), where);
            case "FieldRef":
                return new FieldRefExpression(context.Required(element, "field"), element.Attr("mapMissingTo"), where);
            case "NormContinuous":
                var norms = element.Children("LinearNorm")
                    .Select(n => new LinearNorm(context.RequiredNumber(n, "orig"), context.RequiredNumber(n, "norm")))
                    .ToImmutableArray();
                if (norms.Length < 2)
                    context.Report(MarkupProblemKind.MissingElement, element, "NormContinuous requires at least two LinearNorm elements");
                for (var i = 1; i < norms.Length; i++)
                    if (!(norms[i].Orig > norms[i - 1].Orig))
                        context.Report(MarkupProblemKind.InvalidElement, element, "LinearNorm orig values must be strictly increasing");
                return new NormContinuousExpression(context.Required(element, "field"), norms,
                    context.Enum(element, "outliers", OutlierTreatment.AsIs), context.OptionalNumber(element, "mapMissingTo"), where);
            case "NormDiscrete":
                return new NormDiscreteExpression(context.Required(element, "field"), context.Required(element, "value"),
                    context.OptionalNumber(element, "mapMissingTo"), where);
            case "Discretize":
                var bins = element.Children("DiscretizeBin")
                    .Select(b => new DiscretizeBin(context.Required(b, "binValue"),
                        b.Child("Interval") is { } i ? DictionaryParser.ParseInterval(context, i) : MissingInterval(context, b)))
                    .ToImmutableArray();
                return new DiscretizeExpression(context.Required(element, "field"), bins, element.Attr("mapMissingTo"),
                    element.Attr("defaultValue"), context.OptionalDataType(element), where);
            case "MapValues":
                var pairs = element.Children("FieldColumnPair")
                    .Select(p => new FieldColumnPair(context.Required(p, "field"), context.Required(p, "column")))
                    .ToImmutableArray();
                var table = element.Child("InlineTable");
                if (table is null)
                    context.Report(element.Child("TableLocator") is null ? MarkupProblemKind.MissingElement : MarkupProblemKind.UnsupportedElement,
                        element, "MapValues requires an InlineTable (TableLocator refers to external data and is not supported)");
                return new MapValuesExpression(pairs, context.Required(element, "outputColumn"),
                    table is null ? new InlineTable([]) : InlineTableParser.Parse(table), element.Attr("mapMissingTo"),
                    element.Attr("defaultValue"), context.OptionalDataType(element), where);
            case "TextIndex":
                return ParseTextIndex(context, element);
            case "Apply":
                var arguments = element.Elements().Where(IsExpression).Select(a => Parse(context, a)).ToImmutableArray();
                return new ApplyExpression(context.Required(element, "function"), arguments, element.Attr("mapMissingTo"),
                    element.Attr("defaultValue"), ParseInvalidTreatment(context, element), where);
            default:
                context.Report(MarkupProblemKind.UnsupportedElement, element,
                    $"{element.Name.LocalName} is not supported: {Refused[element.Name.LocalName]}");
                return new ConstantExpression(null, null, true, where);
        }
    }

    private static InvalidValueTreatment ParseInvalidTreatment(ParseContext context, XElement apply)
    {
        // PMML 4.4 added asValue only to MiningField; Apply knows returnInvalid, asIs and asMissing.
        var treatment = context.Enum(apply, "invalidValueTreatment", InvalidValueTreatment.ReturnInvalid);
        if (treatment == InvalidValueTreatment.AsValue)
            context.Report(MarkupProblemKind.InvalidAttribute, apply.Attribute("invalidValueTreatment")!, "Apply does not allow invalidValueTreatment='asValue'");
        return treatment;
    }

    private static Interval MissingInterval(ParseContext context, XElement bin)
    {
        context.Report(MarkupProblemKind.MissingElement, bin, "DiscretizeBin requires an Interval");
        return new Interval(IntervalClosure.ClosedClosed, double.NaN, double.NaN);
    }

    private static TextIndexExpression ParseTextIndex(ParseContext context, XElement element)
    {
        var options = ParseTextOptions(context, element, null);
        var normalizations = element.Children("TextIndexNormalization")
            .Select(n => new TextIndexNormalization(
                n.Child("InlineTable") is { } t ? InlineTableParser.Parse(t) : new InlineTable([]),
                n.Attr("inField") ?? "string", n.Attr("outField") ?? "stem", n.Attr("regexField") ?? "regex",
                context.Boolean(n, "recursive", false), ParseTextOptions(context, n, options)))
            .ToImmutableArray();
        var term = element.Elements().FirstOrDefault(IsExpression);
        if (term is null)
            context.Report(MarkupProblemKind.MissingElement, element, "TextIndex requires an expression for the term");
        return new TextIndexExpression(context.Required(element, "textField"),
            term is null ? new ConstantExpression(null, DataType.String, true, element.Where()) : Parse(context, term),
            options, normalizations, element.Where());
    }

    /// <summary>TextIndexNormalization inherits the TextIndex's settings for every attribute it leaves out.</summary>
    private static TextIndexOptions ParseTextOptions(ParseContext context, XElement element, TextIndexOptions? parent) => new(
        context.Boolean(element, "isCaseSensitive", parent?.IsCaseSensitive ?? false),
        context.Integer(element, "maxLevenshteinDistance", parent?.MaxLevenshteinDistance ?? 0),
        context.Enum(element, "countHits", parent?.CountHits ?? CountHits.AllHits),
        context.Enum(element, "localTermWeights", parent?.LocalTermWeights ?? LocalTermWeights.TermFrequency),
        element.Attr("wordSeparatorCharacterRE") ?? parent?.WordSeparatorCharacterRE ?? @"\s+",
        element.Attr("x-wordRE") ?? element.Attr("wordRE") ?? parent?.WordRE,
        context.Boolean(element, "tokenize", parent?.Tokenize ?? true));
}
