namespace PmmlEngine.Types;

public enum ValueKind : byte
{
    Missing,
    /// <summary>A value that could not be read as the field's data type.</summary>
    Invalid,
    Number,
    String,
    Boolean,
    /// <summary>date, time and dateTime values; the payload is a <see cref="System.DateTime"/>.</summary>
    Temporal,
    /// <summary>The predictions of a selectAll segmentation.</summary>
    Collection,
}
