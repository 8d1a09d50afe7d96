namespace PmmlEngine.Functions;

/// <summary>
/// Converters such as sklearn2pmml copy Python patterns into PMML (x-wordRE="(?u)\b\w\w+\b"). .NET reads the same syntax
/// except Python's inline flag (?u), which only asks for Unicode classes: .NET's default.
/// </summary>
internal static class PythonRegex
{
    public static string ToDotNet(string pattern) => pattern.Replace("(?u)", "", StringComparison.Ordinal);
}
