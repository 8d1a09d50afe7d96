namespace PmmlEngine.Backends.Interpreter;

/// <summary>How a running-sum ensemble adds a segment's prediction.</summary>
internal enum SumKind
{
    /// <summary>sum, average: in double.</summary>
    Plain,
    /// <summary>weightedSum, weightedAverage: the prediction times the segment's weight, in double.</summary>
    Weighted,
    /// <summary>sum in a float math context: in float32, from base_score.</summary>
    Float,
}
