using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>A one-column MapValues table keyed by the value itself, so a lookup builds no key array.</summary>
internal sealed class SingleKeyTable(MapValuesPlan plan)
{
    private readonly Dictionary<Value, Value> _map = plan.Table.ToDictionary(e => e.Key.Values[0], e => e.Value);

    public Value Lookup(Value key) =>
        key.IsMissing ? plan.MapMissingTo : _map.TryGetValue(key, out var value) ? value : plan.DefaultValue;
}
