using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>Post-processing of a target's prediction (Targets/Target): clamping, rescaling, priors and defaults.</summary>
public sealed record Target(
    string? Field,
    OpType? OpType,
    CastInteger? CastInteger,
    double? Min,
    double? Max,
    double RescaleFactor,
    double RescaleConstant,
    ImmutableArray<TargetValue> Values);
