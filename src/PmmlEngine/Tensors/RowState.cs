namespace PmmlEngine.Tensors;

/// <summary>What loading made of a batch row.</summary>
internal enum RowState : byte
{
    Loaded,
    /// <summary>The record was rejected (an invalid or missing input the model refuses): its results are NaN.</summary>
    Rejected,
    /// <summary>A derived field failed to compute; the record path scores the row, failing it only where a walk reads it.</summary>
    Retry,
}
