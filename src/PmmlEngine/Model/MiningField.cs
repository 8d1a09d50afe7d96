using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>How one model uses a field and how it treats missing, invalid and outlying values of it.</summary>
public sealed record MiningField(
    string Name,
    UsageType UsageType,
    OpType? OpType,
    OutlierTreatment Outliers,
    double? LowValue,
    double? HighValue,
    string? MissingValueReplacement,
    MissingValueTreatment MissingValueTreatment,
    InvalidValueTreatment InvalidValueTreatment,
    string? InvalidValueReplacement,
    SourceLocation Location);
