using System.Buffers;

namespace PmmlEngine.Interop;

/// <summary>Host-owned memory seen as <see cref="Memory{T}"/> for the duration of one call; the host keeps it alive and pinned.</summary>
internal sealed unsafe class UnmanagedMemory<T>(T* pointer, int length) : MemoryManager<T> where T : unmanaged
{
    public override Span<T> GetSpan() => new(pointer, length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(pointer + elementIndex);

    public override void Unpin() { }

    protected override void Dispose(bool disposing) { }
}
