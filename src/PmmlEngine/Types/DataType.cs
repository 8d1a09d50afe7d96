namespace PmmlEngine.Types;

/// <summary>PMML's DATATYPE (PMML 4.4, DataDictionary).</summary>
public enum DataType
{
    String,
    Integer,
    Float,
    Double,
    Boolean,
    Date,
    Time,
    DateTime,
    DateDaysSince0,
    DateDaysSince1960,
    DateDaysSince1970,
    DateDaysSince1980,
    TimeSeconds,
    DateTimeSecondsSince0,
    DateTimeSecondsSince1960,
    DateTimeSecondsSince1970,
    DateTimeSecondsSince1980,
}
