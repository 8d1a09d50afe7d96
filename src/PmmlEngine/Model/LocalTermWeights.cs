namespace PmmlEngine.Model;

public enum LocalTermWeights
{
    TermFrequency,
    Binary,
    Logarithmic,
    AugmentedNormalizedTermFrequency,
}
