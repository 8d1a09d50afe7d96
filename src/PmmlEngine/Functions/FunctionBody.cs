using PmmlEngine.Types;

namespace PmmlEngine.Functions;

/// <summary>A built-in function's implementation over already evaluated arguments.</summary>
public delegate Value FunctionBody(ReadOnlySpan<Value> arguments);
