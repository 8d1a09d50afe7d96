using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>
/// CoxRegression's BaseCumHazardTables: the baseline cumulative hazard at each time, for one stratum (Value null when
/// the table is not stratified), with the largest time the table covers.
/// </summary>
public sealed record CoxBaseline(string? Value, double MaxTime, ImmutableArray<(double Time, double CumulativeHazard)> Cells);
