namespace PmmlEngine.Types;

/// <summary>PMML's numeric date types count days or seconds from 1 January of a reference year.</summary>
public static class TemporalMath
{
    // Year 0 of the proleptic Gregorian calendar is a leap year that DateTime cannot represent.
    private const double DaysInYearZero = 366;

    public static double DaysSinceYear(DateTime instant, int year) =>
        year == 0
            ? (instant.Date - DateTime.MinValue).TotalDays + DaysInYearZero
            : (instant.Date - new DateTime(year, 1, 1)).TotalDays;

    public static double SecondsSinceYear(DateTime instant, int year) =>
        year == 0
            ? Math.Floor((instant - DateTime.MinValue).TotalSeconds) + DaysInYearZero * 86400
            : Math.Floor((instant - new DateTime(year, 1, 1)).TotalSeconds);

    public static double SecondsSinceMidnight(DateTime instant) => Math.Floor(instant.TimeOfDay.TotalSeconds);

    public static double ToNumber(DateTime instant, DataType type) => type switch
    {
        DataType.DateDaysSince0 => DaysSinceYear(instant, 0),
        DataType.DateDaysSince1960 => DaysSinceYear(instant, 1960),
        DataType.DateDaysSince1970 => DaysSinceYear(instant, 1970),
        DataType.DateDaysSince1980 => DaysSinceYear(instant, 1980),
        DataType.TimeSeconds => SecondsSinceMidnight(instant),
        DataType.DateTimeSecondsSince0 => SecondsSinceYear(instant, 0),
        DataType.DateTimeSecondsSince1960 => SecondsSinceYear(instant, 1960),
        DataType.DateTimeSecondsSince1970 => SecondsSinceYear(instant, 1970),
        DataType.DateTimeSecondsSince1980 => SecondsSinceYear(instant, 1980),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a numeric date type"),
    };
}
