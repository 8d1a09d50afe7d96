namespace PmmlEngine.Model;

/// <summary>
/// A Delimiter: acrossTimeWindows (the next set in a later transaction) or sameTimeWindow (the same transaction); gap
/// true (at least one transaction between), false (the next transaction), or unknown (any later one).
/// </summary>
public sealed record SequenceDelimiter(bool AcrossTimeWindows, bool? Gap);
