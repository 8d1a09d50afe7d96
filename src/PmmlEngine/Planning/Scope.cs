namespace PmmlEngine.Planning;

/// <summary>Field names visible at one point of the document (PMML Field Scope), each bound to a slot.</summary>
internal sealed class Scope(Scope? parent)
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);

    public Scope? Parent { get; } = parent;

    public void Bind(string name, int slot) => _slots[name] = slot;

    public bool DeclaresLocally(string name) => _slots.ContainsKey(name);

    public bool TryResolve(string name, out int slot)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
            if (scope._slots.TryGetValue(name, out slot))
                return true;
        slot = -1;
        return false;
    }
}
