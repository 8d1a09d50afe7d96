using PmmlEngine.Backends.Compiled;
using PmmlEngine.Evaluation;

namespace PmmlEngine.Tests.Backends;

/// <summary>
/// Term fields read by trees are set together from the document's n-grams (<see cref="TermFields"/>). Each field's
/// value must be the interpreter's to the bit, for terms that occur and terms that do not (0 × a negative weight is
/// -0), for every weighting and result type, and a document that is missing must leave the fields to the interpreter.
/// </summary>
[TestFixture]
public sealed class TermFieldsTests
{
    private static readonly string[] Terms = ["good", "not good", "bad", "very", "value"];

    private static readonly string?[] Texts =
    [
        "Good value, very very good.", "NOT good. Not good at all!", "bad bad bad", "", "nothing here",
        "good-good; value:value", "  very   very very  ", null,
    ];

    private static string Document(string weights, bool weighted, string? resultType) =>
        TermDocument.Build(Terms, weights, weighted, resultType, (schema, transformations) => $"""
            <TreeModel functionName="regression" noTrueChildStrategy="returnLastPrediction">
              {schema}
              <Output>{string.Concat(Terms.Select((_, i) => $"""<OutputField name="out{i}" optype="continuous" dataType="double" feature="transformedValue"><FieldRef field="t{i}"/></OutputField>"""))}</Output>
              {transformations}
              <Node score="0"><True/>
                <Node score="1"><SimplePredicate field="t0" operator="greaterThan" value="0"/>
                  <Node score="2"><SimplePredicate field="t1" operator="notEqual" value="0"/></Node>
                  <Node score="3"><SimplePredicate field="t3" operator="greaterOrEqual" value="1"/></Node>
                </Node>
                <Node score="4"><SimplePredicate field="t2" operator="lessThan" value="0"/></Node>
                <Node score="5"><SimplePredicate field="t4" operator="isNotMissing"/></Node>
              </Node>
            </TreeModel>
            """);

    [Test]
    public void TermFields_AreTheInterpretersToTheBit(
        [Values("termFrequency", "binary", "logarithmic", "augmentedNormalizedTermFrequency")] string weights,
        [Values(false, true)] bool weighted,
        [Values(null, "double", "integer")] string? resultType)
    {
        var evaluators = Pmml.LoadBoth(Document(weights, weighted, resultType)).ToArray();
        Assert.That(TermFields.Find(evaluators[1].Plan), Has.Count.EqualTo(Terms.Length), "every term field is in the group");
        foreach (var text in Texts)
        {
            var row = Pmml.Row(("text", text));
            var expected = evaluators[0].Evaluate(row);
            var actual = evaluators[1].Evaluate(row);
            foreach (var (name, value) in expected)
                Assert.That(Bits(actual[name]), Is.EqualTo(Bits(value)), $"{name} of '{text}'");
        }
    }

    private static object? Bits(object? value) => value is double d ? BitConverter.DoubleToInt64Bits(d) : value;
}
