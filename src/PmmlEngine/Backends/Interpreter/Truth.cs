namespace PmmlEngine.Backends.Interpreter;

/// <summary>PMML's three-valued logic: a predicate over a missing value is neither true nor false.</summary>
internal enum Truth : byte
{
    False,
    True,
    Unknown,
}
