namespace PmmlEngine.Model;

public enum TextGlobalWeights
{
    InverseDocumentFrequency,
    None,
    Gfidf,
    Normal,
    ProbabilisticInverse,
}
