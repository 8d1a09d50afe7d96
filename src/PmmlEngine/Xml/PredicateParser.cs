using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

internal static class PredicateParser
{
    /// <summary>The predicate elements <see cref="Parse"/> reads (the registry <see cref="Support.SupportedFeatures"/> documents).</summary>
    public static IReadOnlyList<string> Supported { get; } =
        ["SimplePredicate", "CompoundPredicate", "SimpleSetPredicate", "True", "False"];

    // Asked of every child of every Node while parsing a forest: a set, not a scan of the list.
    private static readonly HashSet<string> Known = [.. Supported];

    public static bool IsPredicate(XElement element) => Known.Contains(element.Name.LocalName);

    /// <summary>The predicate of a Node, Segment or rule.</summary>
    public static Predicate ParseOf(ParseContext context, XElement owner)
    {
        for (var child = owner.FirstChild(); child is not null; child = child.NextSibling())
            if (IsPredicate(child))
                return Parse(context, child);
        context.Report(MarkupProblemKind.MissingElement, owner, $"{owner.Name.LocalName} requires a predicate");
        return new ConstantPredicate(false, owner.Where());
    }

    public static Predicate Parse(ParseContext context, XElement element)
    {
        var where = element.Where();
        switch (element.Name.LocalName)
        {
            case "True":
                return new ConstantPredicate(true, where);
            case "False":
                return new ConstantPredicate(false, where);
            case "SimplePredicate":
                var op = context.Enum(element, "operator", ComparisonOperator.Equal);
                if (element.Attribute("operator") is null)
                    context.Report(MarkupProblemKind.MissingAttribute, element, "SimplePredicate requires attribute 'operator'");
                var value = element.Attr("value");
                if (value is null && op is not (ComparisonOperator.IsMissing or ComparisonOperator.IsNotMissing))
                    context.Report(MarkupProblemKind.MissingAttribute, element, $"SimplePredicate with operator '{element.Attr("operator")}' requires attribute 'value'");
                return new SimplePredicate(context.Required(element, "field"), op, value, where);
            case "SimpleSetPredicate":
                var array = element.Child("Array");
                if (array is null)
                    context.Report(MarkupProblemKind.MissingElement, element, "SimpleSetPredicate requires an Array");
                var isIn = element.Attr("booleanOperator") switch
                {
                    "isIn" => true,
                    "isNotIn" => false,
                    var other => Invalid(context, element, other),
                };
                return new SimpleSetPredicate(context.Required(element, "field"), isIn,
                    array is null ? [] : ArrayParser.ParseStrings(context, array), where);
            default:
                var parts = element.Elements().Where(IsPredicate).Select(p => Parse(context, p)).ToImmutableArray();
                var booleanOperator = context.Enum(element, "booleanOperator", BooleanOperator.And);
                if (parts.Length < 2)
                    context.Report(MarkupProblemKind.InvalidElement, element, "CompoundPredicate requires at least two predicates");
                return new CompoundPredicate(booleanOperator, parts, where);
        }
    }

    private static bool Invalid(ParseContext context, XElement element, string? value)
    {
        context.Report(value is null ? MarkupProblemKind.MissingAttribute : MarkupProblemKind.InvalidAttribute, element,
            $"SimpleSetPredicate booleanOperator must be isIn or isNotIn, not '{value}'");
        return true;
    }
}
