namespace PmmlEngine.Errors;

/// <summary>The grid of markup problems: Invalid/Missing/Unsupported × Attribute/Element, plus malformed XML.</summary>
public enum MarkupProblemKind
{
    MalformedDocument,
    InvalidAttribute,
    MissingAttribute,
    UnsupportedAttribute,
    InvalidElement,
    MissingElement,
    UnsupportedElement,
}
