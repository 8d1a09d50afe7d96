namespace PmmlEngine.Model;

/// <summary>A PPCell: parameter <see cref="Parameter"/> uses predictor <see cref="Predictor"/> at level (factor) or power (covariate) <see cref="Value"/>.</summary>
public sealed record PPCell(string Value, string Predictor, string Parameter, string? TargetCategory, Errors.SourceLocation Location);
