namespace PmmlEngine.Model;

public enum ComparisonKind
{
    Distance,
    Similarity,
}
