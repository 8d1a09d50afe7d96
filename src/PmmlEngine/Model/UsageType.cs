namespace PmmlEngine.Model;

public enum UsageType
{
    Active,
    Target,
    Supplementary,
    Group,
    Order,
    FrequencyWeight,
    AnalysisWeight,
}
