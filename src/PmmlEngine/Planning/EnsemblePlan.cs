using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

public sealed class EnsemblePlan : ModelPlan
{
    public required SegmentPlan[] Segments { get; init; }
    public MultipleModelMethod Method { get; init; }
    public MissingPredictionTreatment MissingPredictionTreatment { get; init; }
    public double MissingThreshold { get; init; }
}
