namespace PmmlEngine.Xml;

/// <summary>A PMML enumeration by its spellings: PMML spells C# member Foo as "foo".</summary>
internal static class PmmlEnum<TEnum> where TEnum : struct, Enum
{
    public static readonly IReadOnlyDictionary<string, TEnum> Values = System.Enum.GetValues<TEnum>()
        .ToDictionary(v => char.ToLowerInvariant(v.ToString()[0]) + v.ToString()[1..], StringComparer.Ordinal);
}
