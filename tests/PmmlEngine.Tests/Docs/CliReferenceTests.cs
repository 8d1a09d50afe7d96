using System.CommandLine;
using System.CommandLine.Help;

namespace PmmlEngine.Tests.Docs;

/// <summary>docs/cli.md documents every command, argument and option the pmml-score command tree defines.</summary>
[TestFixture]
public sealed class CliReferenceTests
{
    private static readonly string Reference = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "cli.md"));

    private static IEnumerable<TestCaseData> Commands()
    {
        var root = PmmlScore.CommandLine.Build();
        yield return new TestCaseData(root, "").SetName("pmml-score");
        foreach (var command in root.Subcommands)
            yield return new TestCaseData(command, command.Name + " ").SetName($"pmml-score {command.Name}");
    }

    [TestCaseSource(nameof(Commands))]
    public void EveryArgumentAndOption_IsDocumented(Command command, string prefix)
    {
        var heading = $"## pmml-score {prefix}{string.Join(' ', command.Arguments.Select(a => a.Name.ToUpperInvariant()))}".TrimEnd();
        Assert.That(Reference, Does.Contain(heading + "\n"), "the command's heading with its arguments");
        foreach (var option in command.Options.Where(o => o is not HelpOption and not VersionOption))
            foreach (var name in option.Aliases.Prepend(option.Name))
                Assert.That(Reference, Does.Contain($"`{name}`"), $"option {name} of '{heading}'");
    }
}
