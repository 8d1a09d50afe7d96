namespace PmmlEngine.Model;

/// <summary>A PCell: the coefficient of a parameter, for one target category or (none) for all.</summary>
public sealed record PCell(string? TargetCategory, string Parameter, double Beta, Errors.SourceLocation Location);
