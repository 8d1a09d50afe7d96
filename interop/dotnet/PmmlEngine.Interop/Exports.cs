using System.Runtime.InteropServices;
using PmmlEngine.Evaluation;

namespace PmmlEngine.Interop;

/// <summary>
/// The entry points the JNI shim (interop/native/pmmlengine_jni.c) obtains through hostfxr. Each one catches
/// everything: an exception that left an [UnmanagedCallersOnly] method would terminate the JVM. Failures return a
/// negative <see cref="Status"/> and leave their detail in <see cref="HostError"/>; text results are handed over in two
/// steps (the call returns the length, <see cref="TakeText"/> copies it) so the host sizes its buffer exactly.
/// </summary>
public static unsafe class Exports
{
    [ThreadStatic] private static string? t_text;

    /// <summary>Loads a PMML document from bytes; backend: 0 auto, 1 compiled, 2 interpreter.</summary>
    [UnmanagedCallersOnly]
    public static int Load(byte* pmml, int length, int backend, long* handle)
    {
        try
        {
            if (pmml is null || length < 0 || handle is null || backend is < 0 or > 2)
                return HostError.Set(Status.InvalidArgument, "Load: null buffer, negative length or unknown backend");
            using var stream = new UnmanagedMemoryStream(pmml, length);
            var options = new EvaluatorOptions { Backend = (Backend)backend };
            *handle = Handles.Add(PmmlEvaluator.Load(stream, options));
            return (int)Status.Ok;
        }
        catch (Exception e)
        {
            return HostError.Set(e);
        }
    }

    /// <summary>Puts the evaluator's description (<see cref="FieldCatalog"/>) up for <see cref="TakeText"/>; returns its length.</summary>
    [UnmanagedCallersOnly]
    public static int Describe(long evaluator)
    {
        try
        {
            return Handles.Get<PmmlEvaluator>(evaluator) is { } target ? Offer(FieldCatalog.Describe(target)) : InvalidHandle(evaluator);
        }
        catch (Exception e)
        {
            return HostError.Set(e);
        }
    }

    /// <summary>Scores the document's ModelVerification records; offers the mismatches as text (empty when all match).</summary>
    [UnmanagedCallersOnly]
    public static int Verify(long evaluator)
    {
        try
        {
            if (Handles.Get<PmmlEvaluator>(evaluator) is not { } target)
                return InvalidHandle(evaluator);
            var report = target.Verify();
            return Offer(report.Passed ? "" : report.ToString());
        }
        catch (Exception e)
        {
            return HostError.Set(e);
        }
    }

    /// <summary>A scorer for one host thread: reused buffers, records scored through <see cref="Score"/>.</summary>
    [UnmanagedCallersOnly]
    public static int CreateScorer(long evaluator, long* scorer)
    {
        try
        {
            if (scorer is null)
                return HostError.Set(Status.InvalidArgument, "CreateScorer: null result pointer");
            if (Handles.Get<PmmlEvaluator>(evaluator) is not { } target)
                return InvalidHandle(evaluator);
            *scorer = Handles.Add(new Session(target));
            return (int)Status.Ok;
        }
        catch (Exception e)
        {
            return HostError.Set(e);
        }
    }

    /// <summary>
    /// Scores one record encoded by <see cref="RecordCodec"/> in the first inputLength bytes of the buffer and writes
    /// the results over it. Returns the results' length; a length above capacity means nothing was written and the
    /// host should retry with a buffer that large.
    /// </summary>
    [UnmanagedCallersOnly]
    public static int Score(long scorer, byte* buffer, int inputLength, int capacity)
    {
        try
        {
            if (Handles.Get<Session>(scorer) is not { } session)
                return InvalidHandle(scorer);
            if (buffer is null || inputLength < 0 || capacity < inputLength)
                return HostError.Set(Status.InvalidArgument, "Score: null buffer or lengths out of range");
            var rowScorer = session.Scorer;
            if (!RecordCodec.ReadInputs(rowScorer, session.Evaluator.InputFields.Count, buffer, inputLength))
                return HostError.Set(Status.InvalidArgument, "Score: the record does not match the model's input fields");
            rowScorer.Evaluate();
            var results = session.Results;
            for (var i = 0; i < results.Length; i++)
                results[i] = rowScorer.GetValue(i);
            var needed = RecordCodec.Measure(results);
            return needed > capacity ? needed : RecordCodec.Write(results, buffer);
        }
        catch (Exception e)
        {
            return HostError.Set(e);
        }
    }

    /// <summary>
    /// <see cref="PmmlEvaluator.EvaluateBatch"/> over host memory, which stays pinned for the call. Returns the number of
    /// rejected records.
    /// </summary>
    [UnmanagedCallersOnly]
    public static int ScoreBatch(long evaluator, double* inputs, int inputCount, double* results, int resultCount, int threads)
    {
        try
        {
            if (Handles.Get<PmmlEvaluator>(evaluator) is not { } target)
                return InvalidHandle(evaluator);
            if (inputs is null || results is null || inputCount < 0 || resultCount < 0)
                return HostError.Set(Status.InvalidArgument, "ScoreBatch: null buffer or negative length");
            using var input = new UnmanagedMemory<double>(inputs, inputCount);
            using var output = new UnmanagedMemory<double>(results, resultCount);
            return target.EvaluateBatch(input.Memory, output.Memory, threads);
        }
        catch (Exception e)
        {
            return HostError.Set(e);
        }
    }

    /// <summary>Releases an evaluator or scorer handle; a stale handle is refused, never dereferenced.</summary>
    [UnmanagedCallersOnly]
    public static int Release(long handle)
    {
        try
        {
            return Handles.Remove(handle) ? (int)Status.Ok : InvalidHandle(handle);
        }
        catch (Exception e)
        {
            return HostError.Set(e);
        }
    }

    /// <summary>Offers this thread's last failure detail (<see cref="HostError"/>) for <see cref="TakeText"/>.</summary>
    [UnmanagedCallersOnly]
    public static int LastError()
    {
        try
        {
            return Offer(HostError.Detail);
        }
        catch (Exception e)
        {
            return HostError.Set(e);
        }
    }

    /// <summary>Copies the offered text (UTF-16) into the buffer and forgets it; returns the units copied.</summary>
    [UnmanagedCallersOnly]
    public static int TakeText(char* buffer, int capacity)
    {
        try
        {
            var text = t_text ?? "";
            t_text = null;
            var count = Math.Min(Math.Max(capacity, 0), text.Length);
            if (buffer is not null)
                text.AsSpan(0, count).CopyTo(new Span<char>(buffer, count));
            return count;
        }
        catch (Exception e)
        {
            return HostError.Set(e);
        }
    }

    private static int Offer(string text)
    {
        t_text = text;
        return text.Length;
    }

    private static int InvalidHandle(long handle) =>
        HostError.Set(Status.InvalidHandle, $"handle {handle:x} is not a live evaluator or scorer (released, or used after close)");
}
