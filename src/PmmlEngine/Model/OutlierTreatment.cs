namespace PmmlEngine.Model;

public enum OutlierTreatment
{
    AsIs,
    AsMissingValues,
    AsExtremeValues,
}
