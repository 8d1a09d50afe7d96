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

    /// <summary>Whether an OutputField reports a segment's own result, so scoring keeps every segment's result.</summary>
    public bool HasSegmentOutputs => Outputs.Any(o => o.SegmentIndex >= 0);
}
