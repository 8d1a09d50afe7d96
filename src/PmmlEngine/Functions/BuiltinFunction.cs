namespace PmmlEngine.Functions;

/// <summary>A PMML built-in function: its name, arity and implementation, shared by every backend.</summary>
public sealed record BuiltinFunction(string Name, int MinArguments, int MaxArguments, MissingPolicy Missing, FunctionBody Body)
{
    public const int Variadic = int.MaxValue;

    public bool AcceptsArgumentCount(int count) => count >= MinArguments && count <= MaxArguments;

    public string Arity => MaxArguments == Variadic ? $"at least {MinArguments}" : MinArguments == MaxArguments ? $"{MinArguments}" : $"{MinArguments} to {MaxArguments}";
}
