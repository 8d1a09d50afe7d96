namespace PmmlEngine.Model;

public enum SvmClassificationMethod
{
    OneAgainstAll,
    OneAgainstOne,
}
