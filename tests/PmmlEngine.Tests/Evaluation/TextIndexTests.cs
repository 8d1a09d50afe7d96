namespace PmmlEngine.Tests.Evaluation;

/// <summary>
/// TextIndex normalisation tables: regex rows whose replacement or pattern reads a group keep their groups; rows that
/// read none (sklearn2pmml's stop-word alternation) drop them for speed and must score the same. The word pattern \w+
/// splits ASCII text without the regex and must find the same tokens.
/// </summary>
[TestFixture]
public sealed class TextIndexTests
{
    private static string Document(string term, string wordPattern = "", string normalization = "") => Pmml.Document("""
        <DataField name="text" optype="categorical" dataType="string"/><DataField name="y" optype="continuous" dataType="double"/>
        """, $"""
        <TransformationDictionary>
          <DerivedField name="count" optype="continuous" dataType="double">
            <TextIndex textField="text" localTermWeights="termFrequency" isCaseSensitive="false"{(wordPattern.Length > 0 ? $" x-wordRE=\"{wordPattern}\"" : "")}>
              {normalization}
              <Constant dataType="string">{term}</Constant>
            </TextIndex>
          </DerivedField>
        </TransformationDictionary>
        <RegressionModel functionName="regression">
          <MiningSchema><MiningField name="text"/><MiningField name="y" usageType="target"/></MiningSchema>
          <RegressionTable intercept="0"><NumericPredictor name="count" coefficient="1"/></RegressionTable>
        </RegressionModel>
        """);

    private static string Normalization(string pattern, string replacement) => $"""
        <TextIndexNormalization recursive="true">
          <InlineTable><row><string>{pattern}</string><stem>{replacement}</stem><regex>true</regex></row></InlineTable>
        </TextIndexNormalization>
        """;

    // "walking" becomes "walk" through the group the replacement reads; "walked" stays.
    [TestCase(@"(\w+)ing\b", "$1", "walking and walked, Walk", "walk", 2)]
    // A backreference in the pattern: "very very" becomes "dup".
    [TestCase(@"\b(\w+) \1\b", "dup", "very very good, very good", "dup", 1)]
    // A stop-word alternation whose group nothing reads: "the" and "a" go, case-insensitively, recursively.
    [TestCase(@"\b(the|a)\b", " ", "The cat and a cat", "cat", 2)]
    [TestCase(@"\b(the|a)\b", " ", "The cat and a cat", "the", 0)]
    [TestCase(@"\b(the|a)\b", " ", "The cat and a cat", "and cat", 1)]
    // A non-ASCII text leaves the word-run path for the regex, which is compiled on that first use.
    [TestCase(@"\b(the|a)\b", " ", "The café and a cat", "café and cat", 1)]
    public void NormalisesThenCounts(string pattern, string replacement, string text, string term, double count)
    {
        foreach (var evaluator in Pmml.LoadBoth(Document(term, normalization: Normalization(pattern, replacement))))
            Assert.That(evaluator.Evaluate(Pmml.Row(("text", text)))["y"], Is.EqualTo(count), evaluator.Backend.ToString());
    }

    // The word pattern \w+ splits ASCII text into runs without the regex; "naïve" is not ASCII and is one word for the
    // regex, where splitting it at the ï would add a second "na ve".
    [TestCase("naïve na ve", "na ve", 1)]
    [TestCase("Na_ve na-ve NA VE", "na ve", 2)]
    [TestCase("-- ! ?", "na", 0)]
    public void WordRuns_CountAsTheRegexTokens(string text, string term, double count)
    {
        foreach (var evaluator in Pmml.LoadBoth(Document(term, wordPattern: @"(?u)\w+")))
            Assert.That(evaluator.Evaluate(Pmml.Row(("text", text)))["y"], Is.EqualTo(count), evaluator.Backend.ToString());
    }
}
