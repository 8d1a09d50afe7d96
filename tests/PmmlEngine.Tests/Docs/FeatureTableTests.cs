using PmmlEngine.Errors;
using PmmlEngine.Evaluation;
using PmmlEngine.Support;

namespace PmmlEngine.Tests.Docs;

/// <summary>docs/features.md is generated from the engine's registry; these tests keep the committed file and the
/// registry honest.</summary>
[TestFixture]
public sealed class FeatureTableTests
{
    [Test]
    public void CommittedTable_MatchesTheEngine()
    {
        var committed = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "features.md"));
        Assert.That(committed.ReplaceLineEndings("\n"), Is.EqualTo(SupportedFeatures.ToMarkdown()),
            "docs/features.md is stale: regenerate it with `dotnet run --project src/PmmlScore -c Release -- features > docs/features.md`");
    }

    [Test]
    public void NineteenModelElements()
    {
        Assert.That(SupportedFeatures.ModelElements, Has.Count.EqualTo(19), "PMML 4.4 defines nineteen model elements");
    }

    [TestCaseSource(typeof(SupportedFeatures), nameof(SupportedFeatures.RefusedExpressionElements))]
    public void RefusedExpressions_AreRefusedWithTheListedReason(KeyValuePair<string, string> refused)
    {
        var document = Pmml.Document("""<DataField name="x" optype="continuous" dataType="double"/>""", $"""
            <TransformationDictionary><DerivedField name="d" optype="continuous" dataType="double"><{refused.Key}/></DerivedField></TransformationDictionary>
            <RegressionModel functionName="regression"><MiningSchema><MiningField name="x"/></MiningSchema><RegressionTable intercept="1"/></RegressionModel>
            """);
        var error = Assert.Throws<PmmlMarkupException>(() => PmmlEvaluator.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document))));
        Assert.That(error!.Message, Does.Contain(refused.Key).And.Contain(refused.Value));
    }
}
