namespace PmmlEngine.Model;

public enum MissingPredictionTreatment
{
    Continue,
    SkipSegment,
    ReturnMissing,
}
