namespace PmmlEngine.Tests;

/// <summary>Finds the repository and the shared conformance corpus beside it.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>../shared/conformance beside the checkout, or PMML_CONFORMANCE_DIR.</summary>
    public static string Conformance =>
        Environment.GetEnvironmentVariable("PMML_CONFORMANCE_DIR") is { Length: > 0 } dir
            ? dir
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "conformance"));

    public static string Samples => Path.Combine(RepositoryRoot, "pmml-samples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PmmlEngine.sln")))
                return dir.FullName;
        throw new InvalidOperationException("PmmlEngine.sln not found above " + AppContext.BaseDirectory);
    }
}
