namespace PmmlEngine.Xml;

/// <summary>A PMML enumeration by its spellings: PMML spells C# member Foo as "foo".</summary>
internal static class PmmlEnum<TEnum> where TEnum : struct, Enum
{
    // Boxed members in a dictionary of references: that dictionary's code is shared and precompiled, where a
    // Dictionary<string, TEnum> per enumeration was JIT-compiled at every process's first load (a hundred methods).
    private static readonly Dictionary<string, object> ByName = PmmlEnum.ByName(typeof(TEnum));

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string text, out TEnum value)
    {
        var found = ByName.TryGetValue(text, out var boxed);
        value = found ? (TEnum)boxed! : default;
        return found;
    }
}

internal static class PmmlEnum
{
    public static Dictionary<string, object> ByName(Type enumeration)
    {
        var byName = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var member in Enum.GetValues(enumeration))
        {
            var name = member.ToString()!;
            byName.Add(char.ToLowerInvariant(name[0]) + name[1..], member);
        }
        return byName;
    }
}
