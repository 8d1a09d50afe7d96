using System.Runtime;

namespace PmmlScore;

/// <summary>
/// .NET's multicore JIT (<see cref="ProfileOptimization"/>): a run records which methods it compiled, and the next run
/// compiles them on another core while the document is read. In a framework-dependent install, the framework's generic
/// code over the engine's types (dictionaries of values, LINQ over tuples) is in no ReadyToRun image, and compiling it
/// was about a third of a small model's load. The profile lives in the user's local application data; where that
/// cannot be written, runs go on without one. <c>PMML_SCORE_JIT_PROFILE=0</c> turns it off.
/// </summary>
internal static class JitProfile
{
    public static void Start()
    {
        if (Environment.GetEnvironmentVariable("PMML_SCORE_JIT_PROFILE") == "0")
            return;
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (data.Length == 0)
            return;
        try
        {
            var root = Directory.CreateDirectory(Path.Combine(data, "pmml-score")).FullName;
            ProfileOptimization.SetProfileRoot(root);
            ProfileOptimization.StartProfile("jit.profile");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only home or a full disk: the run only starts slower.
        }
    }
}
