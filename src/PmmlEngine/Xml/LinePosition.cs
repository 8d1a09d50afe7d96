namespace PmmlEngine.Xml;

/// <summary>Where an element or attribute starts in its document, annotated by <see cref="LinearDocumentBuilder"/>.</summary>
internal sealed record LinePosition(int Line, int Column);
