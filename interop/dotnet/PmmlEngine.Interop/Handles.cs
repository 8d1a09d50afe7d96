namespace PmmlEngine.Interop;

/// <summary>
/// Maps the opaque 64-bit handles given to the host onto managed objects. A handle is an index plus a generation, so
/// a released or forged handle is refused (<see cref="Get{T}"/> returns null) instead of reaching freed memory.
/// </summary>
internal static class Handles
{
    private sealed record Entry(int Generation, object Target);

    private static readonly Lock s_lock = new();
    private static readonly Stack<int> s_free = new();
    private static Entry?[] s_entries = new Entry?[64];
    private static int s_used;
    private static int s_generation;

    public static long Add(object target)
    {
        lock (s_lock)
        {
            var index = s_free.Count > 0 ? s_free.Pop() : s_used++;
            if (index == s_entries.Length)
            {
                var grown = new Entry?[s_entries.Length * 2];
                s_entries.CopyTo(grown, 0);
                Volatile.Write(ref s_entries, grown);
            }
            // Generations stay positive so that no valid handle is 0 or negative.
            var generation = s_generation = s_generation == int.MaxValue ? 1 : s_generation + 1;
            Volatile.Write(ref s_entries[index], new Entry(generation, target));
            return ((long)generation << 32) | (uint)index;
        }
    }

    /// <summary>The object behind a live handle of the given type, else null. Lock-free: every record is scored through it.</summary>
    public static T? Get<T>(long handle) where T : class
    {
        var index = (int)(handle & 0xFFFF_FFFF);
        var entries = Volatile.Read(ref s_entries);
        if (index < 0 || index >= entries.Length)
            return null;
        var entry = Volatile.Read(ref entries[index]);
        return entry is not null && entry.Generation == (int)(handle >> 32) ? entry.Target as T : null;
    }

    public static bool Remove(long handle)
    {
        lock (s_lock)
        {
            var index = (int)(handle & 0xFFFF_FFFF);
            if (index < 0 || index >= s_entries.Length || s_entries[index]?.Generation != (int)(handle >> 32))
                return false;
            Volatile.Write(ref s_entries[index], null);
            s_free.Push(index);
            return true;
        }
    }
}
