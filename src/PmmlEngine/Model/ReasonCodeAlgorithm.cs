namespace PmmlEngine.Model;

public enum ReasonCodeAlgorithm
{
    PointsBelow,
    PointsAbove,
}
