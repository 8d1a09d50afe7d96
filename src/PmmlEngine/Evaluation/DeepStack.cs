using System.Runtime.ExceptionServices;

namespace PmmlEngine.Evaluation;

/// <summary>
/// Runs work on a thread with a large stack: document loading (parsing, planning and compiling all recurse over the
/// document's nesting), and scoring recursion that outgrows its thread (<see cref="Backends.StackGuard"/>), so trees,
/// predicates and segmentations nested 10⁵ deep load and score instead of overflowing the caller's stack.
/// The stack is reserved, not committed: only the depth a document actually uses costs memory.
/// </summary>
internal static class DeepStack
{
    internal const int StackBytes = 1 << 30;

    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, StackBytes) { Name = "PmmlEngine deep stack", IsBackground = true };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
