namespace PmmlEngine.Model;

public enum InvalidValueTreatment
{
    ReturnInvalid,
    AsIs,
    AsMissing,
    AsValue,
}
