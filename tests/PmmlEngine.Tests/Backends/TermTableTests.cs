using PmmlEngine.Backends.Compiled;
using PmmlEngine.Evaluation;
using PmmlEngine.Planning;

namespace PmmlEngine.Tests.Backends;

/// <summary>
/// A regression over term fields, as sklearn2pmml writes TfidfVectorizer (TextIndex × weight) and CountVectorizer
/// (TextIndex alone, declared integer) pipelines, is scored from the document's n-grams (<see cref="TermTable"/>). Every
/// shape the table takes must score what the interpreter scores, field by field, including an integer function's
/// truncation of a logarithmic or augmented weight.
/// </summary>
[TestFixture]
public sealed class TermTableTests
{
    private static readonly string[] Terms = ["good", "not good", "bad", "very", "very very", "value", "the"];

    private static readonly string[] Texts =
    [
        "Good value, very very good.", "NOT good. Not good at all!", "bad bad bad", "", "The the THE the", "very",
        "nothing here", "good-good; value:value", "  very   very very  ",
    ];

    private static string Document(string weights, bool weighted, string? resultType) =>
        TermDocument.Build(Terms, weights, weighted, resultType, (schema, transformations) => $"""
            <RegressionModel functionName="regression">
              {schema}
              {transformations}
              <RegressionTable intercept="0.25">{string.Concat(Terms.Select((_, i) => $"""<NumericPredictor name="t{i}" coefficient="{0.3 - i * 0.17}"/>"""))}</RegressionTable>
            </RegressionModel>
            """);

    [Test]
    public void EveryShape_TakesTheTable_AndScoresAsTheInterpreter(
        [Values("termFrequency", "binary", "logarithmic", "augmentedNormalizedTermFrequency")] string weights,
        [Values(false, true)] bool weighted,
        [Values(null, "double", "integer")] string? resultType)
    {
        var xml = Document(weights, weighted, resultType);
        var evaluators = Pmml.LoadBoth(xml).ToArray();
        var plan = evaluators[1].Plan;
        Assert.That(TermTable.TryCreate(((RegressionPlan)plan.Model).Tables[0], plan), Is.Not.Null, "the term table applies");
        foreach (var text in Texts.Append(null))
        {
            var row = Pmml.Row(("text", text));
            Assert.That(evaluators[1].Evaluate(row), Is.EqualTo(evaluators[0].Evaluate(row)), $"'{text}'");
        }
    }

    [Test]
    public void IntegerFunction_TruncatesLogarithmicWeights()
    {
        var evaluator = Pmml.LoadBoth(Document("logarithmic", weighted: false, "integer")).Last();
        // log10(1 + 1) truncates to 0: one occurrence of every term adds nothing, so only the intercept is left.
        Assert.That(evaluator.Evaluate(Pmml.Row(("text", "good value bad very the")))["y"], Is.EqualTo(0.25));
    }
}
