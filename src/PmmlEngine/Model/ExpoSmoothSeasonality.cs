namespace PmmlEngine.Model;

public enum ExpoSmoothSeasonality
{
    None,
    Additive,
    Multiplicative,
}
