namespace PmmlEngine.Support;

/// <summary>
/// A growable array for what a load builds. In a framework-dependent install, <see cref="List{T}"/> over the engine's
/// structs or over numbers is framework generic code that no ReadyToRun image holds, so every load JIT-compiled the
/// methods it used; this type is the engine's own, precompiled with the engine for each element type it is used with.
/// </summary>
internal sealed class ArrayBuilder<T>
{
    private T[] _items = new T[8];

    public int Count { get; private set; }

    public ref T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return ref _items[index];
        }
    }

    public void Add(T item)
    {
        if (Count == _items.Length)
            Grow(Count + 1);
        _items[Count++] = item;
    }

    /// <summary>Adds <paramref name="count"/> default elements.</summary>
    public void AddDefault(int count)
    {
        if (Count + count > _items.Length)
            Grow(Count + count);
        Count += count;
    }

    public void RemoveLast()
    {
        ArgumentOutOfRangeException.ThrowIfZero(Count);
        _items[--Count] = default!;
    }

    public T[] ToArray()
    {
        var items = new T[Count];
        Array.Copy(_items, items, Count);
        return items;
    }

    // Array.Copy over Array, not Array.Resize<T>: that generic method would be JIT-compiled too.
    private void Grow(int needed)
    {
        var grown = new T[Math.Max(needed, 2 * _items.Length)];
        Array.Copy(_items, grown, Count);
        _items = grown;
    }
}
