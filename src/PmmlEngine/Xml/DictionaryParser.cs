using System.Collections.Immutable;
using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Xml;

internal static class DictionaryParser
{
    public static ImmutableArray<DataField> ParseDataDictionary(ParseContext context, XElement element)
    {
        var fields = ImmutableArray.CreateBuilder<DataField>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in element.Children("DataField"))
        {
            var name = context.Required(field, "name");
            if (!seen.Add(name))
                context.Report(MarkupProblemKind.InvalidElement, field, $"DataField '{name}' is defined twice");
            var dataType = context.RequiredDataType(field);
            var opType = context.OptionalEnum<OpType>(field, "optype") ?? DefaultOpType(dataType);
            fields.Add(new DataField(name, field.Attr("displayName"), opType, dataType,
                ParseValues(context, field), ParseIntervals(context, field), field.Where()));
        }
        return fields.ToImmutable();
    }

    public static TransformationDictionary ParseTransformationDictionary(ParseContext context, XElement element)
    {
        var functions = ImmutableArray.CreateBuilder<DefineFunction>();
        foreach (var function in element.Children("DefineFunction"))
        {
            var parameters = function.Children("ParameterField")
                .Select(p => new ParameterField(context.Required(p, "name"), context.OptionalEnum<OpType>(p, "optype"), context.OptionalDataType(p)))
                .ToImmutableArray();
            var body = ExpressionParser.ParseSingle(context, function);
            functions.Add(new DefineFunction(context.Required(function, "name"), context.OptionalEnum<OpType>(function, "optype"),
                context.OptionalDataType(function), parameters, body, function.Where()));
        }
        return new TransformationDictionary(ParseDerivedFields(context, element), functions.ToImmutable());
    }

    public static ImmutableArray<DerivedField> ParseDerivedFields(ParseContext context, XElement? container)
    {
        if (container is null)
            return [];
        var fields = ImmutableArray.CreateBuilder<DerivedField>();
        foreach (var field in container.Children("DerivedField"))
            fields.Add(ParseDerivedField(context, field, context.Required(field, "name")));
        return fields.ToImmutable();
    }

    /// <summary>One DerivedField; <paramref name="name"/> stands in where the element may be anonymous (NeuralInput, NeuralOutput).</summary>
    public static DerivedField ParseDerivedField(ParseContext context, XElement field, string name) =>
        new(name, context.OptionalEnum<OpType>(field, "optype"), context.RequiredDataType(field), ExpressionParser.ParseSingle(context, field),
            ParseValues(context, field), field.Where());

    public static ImmutableArray<FieldValue> ParseValues(ParseContext context, XElement field) =>
        field.Children("Value")
            .Select(v => new FieldValue(context.Required(v, "value"), context.Enum(v, "property", ValueProperty.Valid), v.Attr("displayValue")))
            .ToImmutableArray();

    public static ImmutableArray<Interval> ParseIntervals(ParseContext context, XElement field) =>
        field.Children("Interval").Select(i => ParseInterval(context, i)).ToImmutableArray();

    public static Interval ParseInterval(ParseContext context, XElement interval)
    {
        if (interval.Attribute("closure") is null)
            context.Report(MarkupProblemKind.MissingAttribute, interval, "Interval requires attribute 'closure'");
        return new Interval(context.Enum(interval, "closure", IntervalClosure.ClosedClosed),
            context.OptionalNumber(interval, "leftMargin", allowInfinite: true) ?? double.NegativeInfinity,
            context.OptionalNumber(interval, "rightMargin", allowInfinite: true) ?? double.PositiveInfinity);
    }

    public static OpType DefaultOpType(DataType type) =>
        type is DataType.String or DataType.Boolean ? OpType.Categorical : OpType.Continuous;
}
