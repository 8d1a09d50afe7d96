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

    /// <param name="weights">localTermWeights.</param>
    /// <param name="weighted">Whether the function multiplies the TextIndex by a weight argument (TfidfVectorizer).</param>
    /// <param name="resultType">The function's dataType, or null.</param>
    private static string Document(string weights, bool weighted, string? resultType)
    {
        var type = resultType is null ? "" : $""" dataType="{resultType}" """;
        var index = $"""<TextIndex textField="document" localTermWeights="{weights}"><FieldRef field="term"/></TextIndex>""";
        var body = weighted ? $"""<Apply function="*">{index}<FieldRef field="weight"/></Apply>""" : index;
        var fields = string.Concat(Terms.Select((term, i) => $"""
            <DerivedField name="tf{i}" optype="continuous" dataType="double">
              <Apply function="tf"><FieldRef field="lower"/><Constant dataType="string">{term}</Constant>{(weighted ? $"<Constant dataType=\"double\">{1.5 + i * 0.75}</Constant>" : "")}</Apply>
            </DerivedField>
            """));
        var predictors = string.Concat(Terms.Select((_, i) => $"""<NumericPredictor name="tf{i}" coefficient="{0.3 - i * 0.17}"/>"""));
        return Pmml.Document("""
            <DataField name="text" optype="categorical" dataType="string"/><DataField name="y" optype="continuous" dataType="double"/>
            """, $"""
            <TransformationDictionary>
              <DefineFunction name="tf" optype="continuous"{type}>
                <ParameterField name="document"/><ParameterField name="term"/>{(weighted ? "<ParameterField name=\"weight\"/>" : "")}
                {body}
              </DefineFunction>
            </TransformationDictionary>
            <RegressionModel functionName="regression">
              <MiningSchema><MiningField name="text"/><MiningField name="y" usageType="target"/></MiningSchema>
              <LocalTransformations>
                <DerivedField name="lower" optype="categorical" dataType="string"><Apply function="lowercase"><FieldRef field="text"/></Apply></DerivedField>
                {fields}
              </LocalTransformations>
              <RegressionTable intercept="0.25">{predictors}</RegressionTable>
            </RegressionModel>
            """);
    }

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
