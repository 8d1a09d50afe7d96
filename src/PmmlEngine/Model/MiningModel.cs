using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>A MiningModel: an ensemble or chain of segment models.</summary>
public sealed record MiningModel : ModelElement
{
    public required MultipleModelMethod Method { get; init; }
    public MissingPredictionTreatment MissingPredictionTreatment { get; init; }
    public double MissingThreshold { get; init; } = 1.0;
    public required ImmutableArray<Segment> Segments { get; init; }
}
