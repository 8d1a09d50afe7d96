using PmmlEngine.Errors;
using PmmlEngine.Evaluation;

namespace PmmlEngine.Tests.Backends;

/// <summary>What the direct paths' tests share: scoring random records through a row scorer and the interpreter.</summary>
internal static class DirectPaths
{
    // The inputs of the direct paths' documents, each with a treatment the path must leave to the general one.
    // a: an interval with outliers clamped to [10, 90]; b: an integer with a missing marker replaced by 3; c: categories
    // with a missing marker, unlisted ones treated as missing; d: categories, unlisted ones invalid.
    public const string Fields = """
        <DataField name="a" optype="continuous" dataType="double"><Interval closure="closedClosed" leftMargin="0" rightMargin="100"/></DataField>
        <DataField name="b" optype="continuous" dataType="integer"><Value value="-1" property="missing"/></DataField>
        <DataField name="c" optype="categorical" dataType="string"><Value value="u"/><Value value="v"/><Value value="w"/><Value value="?" property="missing"/></DataField>
        <DataField name="d" optype="categorical" dataType="string"><Value value="x"/><Value value="y"/><Value value="z"/></DataField>
        """;

    public const string Schema = """
        <MiningSchema>
          <MiningField name="t" usageType="target"/>
          <MiningField name="a" outliers="asExtremeValues" lowValue="10" highValue="90"/>
          <MiningField name="b" missingValueReplacement="3"/>
          <MiningField name="c" invalidValueTreatment="asMissing"/>
          <MiningField name="d"/>
        </MiningSchema>
        """;

    private static readonly string[] Numbers = ["", "-1", "0", "3", "5", "9.5", "10", "25", "40", "42", "55.125", "60", "75", "90", "90.5", "100", "101", "-3", "abc", "1e1"];
    private static readonly string[] Categories = ["", "?", "u", "v", "w", "x", "y", "z", "q", "U", "u", "v", "x", "y"];

    /// <summary>
    /// Texts for <see cref="Fields"/> that reach every leaf of the forests' tests (each splits a at 10 + 15i and
    /// 70 + 5i): at and beside those thresholds, the clamp and the interval, and ones every treatment changes. Declared
    /// after the arrays it holds: static fields are set in the order they are written.
    /// </summary>
    public static readonly string[][] ForestTexts = [Numbers, Numbers, Categories, Categories];

    /// <summary>
    /// Scores 5,000 records, input i's text drawn from <paramref name="texts"/>[i mod their count], with the compiled
    /// backend's row scorer, whose direct path <paramref name="takesDirectPath"/> must say the document has, and with the
    /// interpreter: every result must be the same, read every way, and every record one rejects the other must reject
    /// with the same message.
    /// </summary>
    public static void AssertScoresAsTheInterpreter(string xml, IReadOnlyList<string[]> texts, Func<PmmlEvaluator, bool> takesDirectPath)
    {
        var (compiled, interpreter) = (Pmml.Load(xml), PmmlEvaluator.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)),
            new EvaluatorOptions { Backend = Backend.Interpreter }));
        Assert.That(takesDirectPath(compiled), Is.True);
        var (direct, reference) = (compiled.CreateScorer(), interpreter.CreateScorer());
        var random = new Random(7);
        var rejected = 0;
        for (var record = 0; record < 5_000; record++)
        {
            var row = Enumerable.Range(0, compiled.InputFields.Count).Select(i => texts[i % texts.Count] is var pool ? pool[random.Next(pool.Length)] : "").ToArray();
            for (var i = 0; i < row.Length; i++)
            {
                direct.SetInput(i, row[i]);
                reference.SetInput(i, row[i]);
            }
            var failure = Score(reference);
            Assert.That(Score(direct), Is.EqualTo(failure), string.Join(", ", row));
            if (failure is not null)
            {
                rejected++;
                continue;
            }
            for (var j = 0; j < compiled.ResultNames.Count; j++)
            {
                var what = $"{compiled.ResultNames[j]} of {string.Join(", ", row)}";
                Assert.That(direct.GetValue(j), Is.EqualTo(reference.GetValue(j)), what);
                Assert.That(direct.GetNumber(j), Is.EqualTo(reference.GetNumber(j)), what);
                Assert.That(direct.GetString(j), Is.EqualTo(reference.GetString(j)), what);
            }
        }
        // Text no number reads is invalid for the numeric fields, whose MiningFields reject it: some records fail, most score.
        Assert.That(rejected, Is.InRange(1, 4_000));
    }

    private static string? Score(RowScorer scorer)
    {
        try
        {
            scorer.Evaluate();
            return null;
        }
        catch (PmmlEvaluationException e)
        {
            return e.Message;
        }
    }
}
