namespace PmmlEngine.Model;

public enum CastInteger
{
    Round,
    Ceiling,
    Floor,
}
