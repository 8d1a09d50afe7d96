namespace PmmlScore;

/// <summary>Where <c>pmml-score</c> scores.</summary>
internal enum ScoreDevice
{
    Cpu,
    Gpu,
}
