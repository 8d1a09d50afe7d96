namespace PmmlEngine.Model;

public enum NoTrueChildStrategy
{
    ReturnNullPrediction,
    ReturnLastPrediction,
}
