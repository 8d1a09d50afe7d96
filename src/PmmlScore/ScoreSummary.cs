namespace PmmlScore;

/// <summary>Rows read (= rows written) and how many of them could not be scored.</summary>
internal readonly record struct ScoreSummary(long Rows, long Failed);
