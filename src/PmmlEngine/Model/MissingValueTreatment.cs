namespace PmmlEngine.Model;

/// <summary>How a missing value was replaced (informational) or that it must fail (returnInvalid, PMML 4.4).</summary>
public enum MissingValueTreatment
{
    AsIs,
    AsMean,
    AsMode,
    AsMedian,
    AsValue,
    ReturnInvalid,
}
