using System.Reflection;
using System.Text.RegularExpressions;
using PmmlEngine.Evaluation;

namespace PmmlEngine.Tests.Docs;

/// <summary>docs/api-csharp.md and docs/api-java.md name every public type and member of the APIs they document.</summary>
[TestFixture]
public sealed partial class ApiReferenceTests
{
    private static readonly string[] DocumentedNamespaces = ["PmmlEngine.Evaluation", "PmmlEngine.Errors", "PmmlEngine.Support", "PmmlEngine.Onnx", "PmmlEngine.Gpu"];

    // What the compiler writes for records and overrides: not API a reader looks up.
    private static readonly HashSet<string> Generated =
        ["Equals", "GetHashCode", "ToString", "Deconstruct", "PrintMembers", "EqualityContract", "<Clone>$", "op_Equality", "op_Inequality", "GetType"];

    private static string Read(string name) => File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", name));

    private static IEnumerable<Type> CSharpTypes() => new[] { typeof(PmmlEvaluator), typeof(Onnx.OnnxExporter), typeof(Gpu.GpuScorer) }
        .SelectMany(a => a.Assembly.GetExportedTypes())
        .Where(t => DocumentedNamespaces.Contains(t.Namespace)).OrderBy(t => t.FullName, StringComparer.Ordinal);

    [TestCaseSource(nameof(CSharpTypes))]
    public void CSharp_TypeAndMembers_AreDocumented(Type type)
    {
        var reference = Read("api-csharp.md");
        Assert.That(reference, Does.Contain($"`{type.Name}"), $"type {type.Name}");
        if (type.IsEnum)
            return;
        var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m is not ConstructorInfo && !(m is MethodInfo { IsSpecialName: true }) && !Generated.Contains(m.Name))
            .Select(m => m.Name).Distinct();
        foreach (var member in members)
            Assert.That(reference, Does.Match($@"`[^`]*\b{Regex.Escape(member)}\b"), $"{type.Name}.{member}");
    }

    private static IEnumerable<TestCaseData> JavaTypes() =>
        Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "interop", "java", "src", "main", "java", "org", "pmmlengine"), "*.java")
            .Select(path => (path, text: File.ReadAllText(path)))
            .Where(f => PublicJavaType().IsMatch(f.text))
            .Select(f => new TestCaseData(Path.GetFileNameWithoutExtension(f.path), f.text).SetName($"Java_{Path.GetFileNameWithoutExtension(f.path)}"))
            .OrderBy(c => c.TestName, StringComparer.Ordinal);

    [TestCaseSource(nameof(JavaTypes))]
    public void Java_TypeAndMethods_AreDocumented(string type, string source)
    {
        var reference = Read("api-java.md");
        Assert.That(reference, Does.Contain($"`{type}"), $"type {type}");
        foreach (Match method in PublicJavaMethod().Matches(source))
            Assert.That(reference, Does.Match($@"`[^`]*\b{method.Groups[1].Value}\("), $"{type}.{method.Groups[1].Value}");
    }

    [GeneratedRegex(@"^public (?:abstract |final |sealed )*(?:class|enum|record|interface) ", RegexOptions.Multiline)]
    private static partial Regex PublicJavaType();

    // Public methods of the public types (constructors have no return type before the name).
    [GeneratedRegex(@"^    public (?:static |final )*[\w<>\[\], ?]+ (\w+)\(", RegexOptions.Multiline)]
    private static partial Regex PublicJavaMethod();
}
