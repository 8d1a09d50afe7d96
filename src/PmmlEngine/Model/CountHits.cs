namespace PmmlEngine.Model;

public enum CountHits
{
    AllHits,
    BestHits,
}
