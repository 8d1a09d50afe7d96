namespace PmmlEngine.Model;

public enum ValueProperty
{
    Valid,
    Invalid,
    Missing,
}
