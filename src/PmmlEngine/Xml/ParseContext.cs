using System.Xml.Linq;
using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Xml;

/// <summary>
/// Attribute readers that report problems and return a usable default, so one pass finds every problem of a document.
/// </summary>
internal sealed class ParseContext
{
    // Null while a segment is parsed ahead: its problems are then held with their nodes (see Report).
    private readonly Diagnostics? _diagnostics;
    private readonly List<(MarkupProblemKind Kind, XObject Node, string Message)> _held = [];
    private readonly SegmentPreparser? _ahead;

    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="ahead">Segments parsed while the XML was read, taken when the parse reaches them.</param>
    public ParseContext(Diagnostics diagnostics, SegmentPreparser? ahead = null)
    {
        _diagnostics = diagnostics;
        _ahead = ahead;
    }

    private ParseContext()
    {
    }

    /// <summary>A context for a segment parsed while the XML tree is still being built: it holds its problems, to be
    /// reported through <see cref="ReportHeld"/> once the tree is complete.</summary>
    public static ParseContext Holding() => new();

    // Plain dictionaries: they are read once per attribute while parsing, and frozen ones cost start-up time to build.
    internal static readonly Dictionary<string, DataType> DataTypes = new()
    {
        ["string"] = DataType.String,
        ["integer"] = DataType.Integer,
        ["float"] = DataType.Float,
        ["double"] = DataType.Double,
        ["boolean"] = DataType.Boolean,
        ["date"] = DataType.Date,
        ["time"] = DataType.Time,
        ["dateTime"] = DataType.DateTime,
        ["dateDaysSince[0]"] = DataType.DateDaysSince0,
        ["dateDaysSince[1960]"] = DataType.DateDaysSince1960,
        ["dateDaysSince[1970]"] = DataType.DateDaysSince1970,
        ["dateDaysSince[1980]"] = DataType.DateDaysSince1980,
        ["timeSeconds"] = DataType.TimeSeconds,
        ["dateTimeSecondsSince[0]"] = DataType.DateTimeSecondsSince0,
        ["dateTimeSecondsSince[1960]"] = DataType.DateTimeSecondsSince1960,
        ["dateTimeSecondsSince[1970]"] = DataType.DateTimeSecondsSince1970,
        ["dateTimeSecondsSince[1980]"] = DataType.DateTimeSecondsSince1980,
    };

    // A location names the element's path from the root, which cannot be read while the reader is still adding to it.
    public void Report(MarkupProblemKind kind, XElement element, string message)
    {
        if (_diagnostics is null)
            _held.Add((kind, element, message));
        else
            _diagnostics.Report(kind, message, element.WhereExactly());
    }

    public void Report(MarkupProblemKind kind, XAttribute attribute, string message)
    {
        if (_diagnostics is null)
            _held.Add((kind, attribute, message));
        else
            _diagnostics.Report(kind, message, attribute.Where());
    }

    /// <summary>Reports, in their order, the problems a <see cref="Holding"/> context found.</summary>
    public void ReportHeld(ParseContext holding)
    {
        foreach (var (kind, node, message) in holding._held)
        {
            if (node is XAttribute attribute)
                Report(kind, attribute, message);
            else
                Report(kind, (XElement)node, message);
        }
    }

    /// <summary>A segment's model: the one parsed ahead if there is one, its problems reported now, in document order.</summary>
    public ModelElement? ParseSegmentModel(XElement element) =>
        _ahead is not null && _ahead.TryTake(element, out var parsed) ? parsed.Deliver(this) : ModelParser.Parse(this, element);

    public string Required(XElement element, string name)
    {
        var value = element.Attr(name);
        if (value is not null)
            return value;
        Report(MarkupProblemKind.MissingAttribute, element, $"{element.Name.LocalName} requires attribute '{name}'");
        return "";
    }

    public double Number(XElement element, string name, double fallback) => OptionalNumber(element, name) ?? fallback;

    public double RequiredNumber(XElement element, string name)
    {
        if (element.Attribute(name) is null)
        {
            Report(MarkupProblemKind.MissingAttribute, element, $"{element.Name.LocalName} requires attribute '{name}'");
            return double.NaN;
        }
        return OptionalNumber(element, name) ?? double.NaN;
    }

    /// <param name="element">The element.</param>
    /// <param name="name">The attribute.</param>
    /// <param name="allowInfinite">Whether ±infinity is meaningful here (interval margins); NaN never is.</param>
    public double? OptionalNumber(XElement element, string name, bool allowInfinite = false)
    {
        var attribute = element.Attribute(name);
        if (attribute is null)
            return null;
        if (ElementExtensions.TryParseNumber(attribute.Value, out var value))
        {
            // A NaN or infinite coefficient, threshold or parameter would silently poison every prediction.
            if (double.IsFinite(value) || allowInfinite && double.IsInfinity(value))
                return value;
            Report(MarkupProblemKind.InvalidAttribute, attribute, $"'{attribute.Value}' is not a finite number");
            return double.NaN;
        }
        Report(MarkupProblemKind.InvalidAttribute, attribute, $"'{attribute.Value}' is not a number");
        return double.NaN;
    }

    public int Integer(XElement element, string name, int fallback)
    {
        var number = OptionalNumber(element, name);
        if (number is null)
            return fallback;
        if (number.Value == Math.Floor(number.Value) && Math.Abs(number.Value) <= int.MaxValue)
            return (int)number.Value;
        Report(MarkupProblemKind.InvalidAttribute, element.Attribute(name)!, $"'{element.Attr(name)}' is not an integer");
        return fallback;
    }

    public bool Boolean(XElement element, string name, bool fallback)
    {
        var attribute = element.Attribute(name);
        if (attribute is null)
            return fallback;
        switch (attribute.Value.Trim())
        {
            case "true" or "1": return true;
            case "false" or "0": return false;
            default:
                Report(MarkupProblemKind.InvalidAttribute, attribute, $"'{attribute.Value}' is not a boolean");
                return fallback;
        }
    }

    public DataType? OptionalDataType(XElement element, string name = "dataType")
    {
        var attribute = element.Attribute(name);
        if (attribute is null)
            return null;
        if (DataTypes.TryGetValue(attribute.Value, out var type))
            return type;
        Report(MarkupProblemKind.InvalidAttribute, attribute, $"unknown data type '{attribute.Value}'");
        return DataType.String;
    }

    public DataType RequiredDataType(XElement element)
    {
        if (element.Attribute("dataType") is null)
        {
            Report(MarkupProblemKind.MissingAttribute, element, $"{element.Name.LocalName} requires attribute 'dataType'");
            return DataType.String;
        }
        return OptionalDataType(element) ?? DataType.String;
    }

    /// <summary>Reads a PMML enumeration; PMML spells C# member Foo as "foo".</summary>
    public TEnum Enum<TEnum>(XElement element, string name, TEnum fallback) where TEnum : struct, Enum =>
        OptionalEnum<TEnum>(element, name) ?? fallback;

    public TEnum? OptionalEnum<TEnum>(XElement element, string name) where TEnum : struct, Enum
    {
        var attribute = element.Attribute(name);
        if (attribute is null)
            return null;
        if (PmmlEnum<TEnum>.TryParse(attribute.Value, out var value))
            return value;
        Report(MarkupProblemKind.InvalidAttribute, attribute,
            $"'{attribute.Value}' is not one of {string.Join(", ", PmmlEnum<TEnum>.Names.Order())}");
        // The problem is reported; the first member stands in so the rest of the document can still be checked.
        return default(TEnum);
    }
}
