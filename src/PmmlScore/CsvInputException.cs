namespace PmmlScore;

/// <summary>The input cannot be read as CSV at all (as opposed to a row that cannot be scored).</summary>
internal sealed class CsvInputException(string message, Exception? inner = null) : Exception(message, inner);
