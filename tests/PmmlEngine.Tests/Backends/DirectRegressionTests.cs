using PmmlEngine.Evaluation;
using PmmlEngine.Types;

namespace PmmlEngine.Tests.Backends;

/// <summary>
/// A document that is one RegressionModel over its inputs is scored by row scorers and batches straight from the
/// record's values when the MiningSchema keeps them as they are. Every record must score as the interpreter scores it,
/// those the MiningSchema treats (missing markers, invalid values, outliers, unlisted categories) included.
/// </summary>
public sealed class DirectRegressionTests
{
    // Every kind of term: numbers (powers of one), a product, and two fields' categories, one listing a value the field
    // does not declare (it never matches).
    private const string Terms = """
        <NumericPredictor name="a" coefficient="0.031"/>
        <NumericPredictor name="b" exponent="2" coefficient="-0.0045"/>
        <NumericPredictor name="b" exponent="3" coefficient="0.000001"/>
        <CategoricalPredictor name="c" value="u" coefficient="0.7"/>
        <CategoricalPredictor name="c" value="w" coefficient="-1.3"/>
        <CategoricalPredictor name="d" value="y" coefficient="0.25"/>
        <CategoricalPredictor name="d" value="q" coefficient="9"/>
        <CategoricalPredictor name="d" value="z" coefficient="-0.5"/>
        <PredictorTerm coefficient="0.0007"><FieldRef field="a"/><FieldRef field="b"/></PredictorTerm>
        """;

    private static string Classification(string normalization, string tables, string outputs, string targets = "") => Pmml.Document(
        DirectPaths.Fields + """<DataField name="t" optype="categorical" dataType="string"><Value value="no"/><Value value="yes"/><Value value="maybe"/></DataField>""",
        $"""
        <RegressionModel functionName="classification" normalizationMethod="{normalization}">
          {DirectPaths.Schema}
          <Output>{outputs}</Output>
          {targets}
          {tables}
        </RegressionModel>
        """);

    private const string ClassOutputs = """
        <OutputField name="p(yes)" optype="continuous" dataType="double" feature="probability" value="yes"/>
        <OutputField name="p(no) as float" optype="continuous" dataType="float" feature="probability" value="no"/>
        <OutputField name="p(maybe)" optype="continuous" dataType="double" feature="probability" value="maybe"/>
        <OutputField name="class" optype="categorical" dataType="string" feature="predictedValue"/>
        <OutputField name="display" optype="categorical" dataType="string" feature="predictedDisplayValue"/>
        <OutputField name="p(winner)" optype="continuous" dataType="double" feature="probability"/>
        """;

    // Probabilities only: with the target, the results come straight from the distribution. The priors apply to a
    // record whose probabilities are all NaN (b = 1e308 squared and cubed: −∞ + ∞).
    private const string ProbabilityOutputs = """
        <OutputField name="p(yes)" optype="continuous" dataType="double" feature="probability" value="yes"/>
        <OutputField name="p(maybe)" optype="continuous" dataType="double" feature="probability" value="maybe"/>
        <OutputField name="p(no)" optype="continuous" dataType="double" feature="probability" value="no"/>
        """;

    private const string Priors = """
        <Targets><Target field="t"><TargetValue value="no" priorProbability="0.5"/><TargetValue value="yes" priorProbability="0.3"/><TargetValue value="maybe" priorProbability="0.2"/></Target></Targets>
        """;

    private static string Binary(string outputs = ClassOutputs, string targets = "") => Classification("logit",
        $"""<RegressionTable intercept="-1.25" targetCategory="yes">{Terms}</RegressionTable><RegressionTable intercept="0" targetCategory="no"/>""",
        outputs, targets);

    private static string Softmax(string outputs = ClassOutputs, string targets = "") => Classification("softmax",
        $"""
        <RegressionTable intercept="-1.25" targetCategory="yes">{Terms}</RegressionTable>
        <RegressionTable intercept="0.5" targetCategory="maybe"><NumericPredictor name="a" coefficient="-0.02"/><CategoricalPredictor name="d" value="x" coefficient="1.5"/></RegressionTable>
        <RegressionTable intercept="0" targetCategory="no"/>
        """,
        outputs, targets);

    // A regression whose prediction the Targets element clamps and rescales.
    private static string Regression => Pmml.Document(
        DirectPaths.Fields + """<DataField name="t" optype="continuous" dataType="double"/>""",
        $"""
        <RegressionModel functionName="regression" normalizationMethod="exp">
          {DirectPaths.Schema}
          <Output><OutputField name="y" optype="continuous" dataType="double" feature="predictedValue"/></Output>
          <Targets><Target field="t" min="0.5" max="20" rescaleFactor="2" rescaleConstant="-1"/></Targets>
          <RegressionTable intercept="0.25">{Terms}</RegressionTable>
        </RegressionModel>
        """);

    private static readonly string[] Numbers = ["", "-1", "0", "3", "5", "9.5", "10", "42", "55.125", "90", "90.5", "100", "101", "-3", "abc", "1e1", "1e308"];
    private static readonly string[] Categories = ["", "?", "u", "v", "w", "x", "y", "z", "q", "U", "u", "v", "x", "y"];
    private static readonly string[][] Texts = [Numbers, Numbers, Categories, Categories];

    [Test]
    public void EveryRecord_OfABinaryLogisticRegression_ScoresAsTheInterpreter() =>
        DirectPaths.AssertScoresAsTheInterpreter(Binary(), Texts, e => e.DirectRegression is not null);

    [Test]
    public void EveryRecord_OfASoftmaxRegression_ScoresAsTheInterpreter() =>
        DirectPaths.AssertScoresAsTheInterpreter(Softmax(), Texts, e => e.DirectRegression is not null);

    [Test]
    public void EveryRecord_OfABinaryRegressionGivingItsProbabilities_ScoresAsTheInterpreter() =>
        DirectPaths.AssertScoresAsTheInterpreter(Binary(ProbabilityOutputs, Priors), Texts, e => e.DirectRegression is { FromDistribution: not null });

    [Test]
    public void EveryRecord_OfASoftmaxRegressionGivingItsProbabilities_ScoresAsTheInterpreter() =>
        DirectPaths.AssertScoresAsTheInterpreter(Softmax(ProbabilityOutputs, Priors), Texts, e => e.DirectRegression is { FromDistribution: not null });

    [Test]
    public void EveryRecord_OfARescaledRegression_ScoresAsTheInterpreter() =>
        DirectPaths.AssertScoresAsTheInterpreter(Regression, Texts, e => e.DirectRegression is not null);

    [Test]
    public void ACategoryNoPredictorNames_LeavesTheSumAsItIs_TheSignOfZeroIncluded()
    {
        // With an intercept of -0, a category no predictor names must leave the prediction -0, as the interpreter, which
        // adds nothing for it, leaves it; the direct path adds a term for every category.
        var xml = Pmml.Document(DirectPaths.Fields + """<DataField name="t" optype="continuous" dataType="double"/>""", """
            <RegressionModel functionName="regression">
              <MiningSchema><MiningField name="t" usageType="target"/><MiningField name="d"/></MiningSchema>
              <RegressionTable intercept="-0"><CategoricalPredictor name="d" value="y" coefficient="0.25"/></RegressionTable>
            </RegressionModel>
            """);
        var (compiled, interpreter) = (Pmml.Load(xml), PmmlEvaluator.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)),
            new EvaluatorOptions { Backend = Backend.Interpreter }));
        Assert.That(compiled.DirectRegression, Is.Not.Null);
        var (direct, reference) = (compiled.CreateScorer(), interpreter.CreateScorer());
        foreach (var text in new[] { "x", "y", "z" })
        {
            direct.SetInput(0, text);
            reference.SetInput(0, text);
            direct.Evaluate();
            reference.Evaluate();
            Assert.That(BitConverter.DoubleToInt64Bits(direct.GetNumber(0)), Is.EqualTo(BitConverter.DoubleToInt64Bits(reference.GetNumber(0))), text);
        }
        Assert.That(double.IsNegative(direct.GetNumber(0)), Is.True, "z: -0");
    }

    [Test]
    public void ABatch_ScoresAsTheRowScorer()
    {
        var evaluator = Pmml.Load(Binary());
        var scorer = evaluator.CreateScorer();
        var random = new Random(3);
        var (width, results) = (evaluator.InputFields.Count, evaluator.ResultNames.Count);
        var rows = new List<string[]>();
        var inputs = new List<double>();
        while (rows.Count < 1_000)
        {
            var row = Enumerable.Range(0, width).Select(i => Texts[i][random.Next(Texts[i].Length)]).ToArray();
            var codes = new double[width];
            if (Enumerable.Range(0, width).All(i => evaluator.TryEncodeBatchInput(i, row[i], out codes[i])))
            {
                rows.Add(row);
                inputs.AddRange(codes);
            }
        }
        var batch = new double[rows.Count * results];
        evaluator.EvaluateBatch(inputs.ToArray(), batch, degreeOfParallelism: 1);
        var numeric = evaluator.ResultNames.Select(name => evaluator.OutputFields.FirstOrDefault(f => f.Name == name) is { DataType: DataType.Double or DataType.Float }).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var i = 0; i < width; i++)
                scorer.SetInput(i, rows[r][i]);
            try
            {
                scorer.Evaluate();
            }
            catch (Errors.PmmlEvaluationException)
            {
                Assert.That(batch.AsSpan(r * results, results).ToArray(), Is.All.NaN, string.Join(", ", rows[r]));
                continue;
            }
            for (var j = 0; j < results; j++)
            {
                if (numeric[j])
                    Assert.That(batch[r * results + j], Is.EqualTo(scorer.GetNumber(j)), $"{evaluator.ResultNames[j]} of {string.Join(", ", rows[r])}");
            }
        }
    }

    [TestCase("""<OutputField name="a again" optype="continuous" dataType="double" feature="transformedValue"><FieldRef field="a"/></OutputField>""")]
    [TestCase("""<OutputField name="r" optype="continuous" dataType="double" feature="residual"/>""")]
    public void AnOutputThatReadsTheRecord_KeepsTheGeneralPath(string output) =>
        Assert.That(Pmml.Load(Binary(ClassOutputs + output)).DirectRegression, Is.Null);

    [Test]
    public void AFieldsCategoriesSplitByAnotherField_KeepTheGeneralPath()
    {
        // Adding c's and d's coefficients in the document's order, as the interpreter does, is not one lookup per field.
        var split = Terms.Replace("""<CategoricalPredictor name="c" value="w" coefficient="-1.3"/>""", "")
            .Replace("""<PredictorTerm""", """<CategoricalPredictor name="c" value="w" coefficient="-1.3"/><PredictorTerm""");
        var xml = Classification("logit", $"""<RegressionTable intercept="-1.25" targetCategory="yes">{split}</RegressionTable><RegressionTable intercept="0" targetCategory="no"/>""", ClassOutputs);
        Assert.That(Pmml.Load(xml).DirectRegression, Is.Null);
    }

    [Test]
    public void FloatArithmetic_KeepsTheGeneralPath()
    {
        var xml = Binary().Replace("""<RegressionModel functionName="classification" """, """<RegressionModel functionName="classification" x-mathContext="float" """);
        Assert.That(Pmml.Load(xml).DirectRegression, Is.Null);
    }

    private const string Doubled = """
        <LocalTransformations>
          <DerivedField name="twice a" optype="continuous" dataType="double"><Apply function="*"><FieldRef field="a"/><Constant>2</Constant></Apply></DerivedField>
        </LocalTransformations>
        """;

    [Test]
    public void APredictorOverADerivedField_KeepsTheGeneralPath()
    {
        var xml = Binary()
            .Replace("""<NumericPredictor name="a" coefficient="0.031"/>""", """<NumericPredictor name="twice a" coefficient="0.031"/>""")
            .Replace("<RegressionTable intercept=\"-1.25\"", Doubled + "<RegressionTable intercept=\"-1.25\"");
        Assert.That(Pmml.Load(xml).DirectRegression, Is.Null);
    }
}
