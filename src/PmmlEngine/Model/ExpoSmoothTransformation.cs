namespace PmmlEngine.Model;

public enum ExpoSmoothTransformation
{
    None,
    Logarithmic,
    Squareroot,
}
