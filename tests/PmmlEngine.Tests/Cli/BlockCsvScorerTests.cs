using PmmlEngine.Evaluation;
using PmmlEngine.Tests.Conformance;
using PmmlScore;

namespace PmmlEngine.Tests.Cli;

/// <summary>
/// The CLI scores a CSV in blocks through the batch API on the CPU where the layout carries every result; its output,
/// error column included, is the streaming scorer's, text for text.
/// </summary>
public sealed class BlockCsvScorerTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        ConformanceCase.Load().Select(c => new TestCaseData(c).SetName("Blocks_" + c.Name.Replace('/', '_')));

    /// <summary>Every conformance case whose results the layout carries, over its input CSV.</summary>
    [TestCaseSource(nameof(Cases))]
    public void ConformanceInputs_WriteWhatTheStreamingScorerWrites(object boxed)
    {
        var c = (ConformanceCase)boxed;
        var evaluator = PmmlEvaluator.Load(c.Pmml);
        if (!BlockCsvScorer.Carries(evaluator))
        {
            Assert.That(evaluator.GroupField is not null || evaluator.OutputFields.Concat(evaluator.TargetFields)
                .Any(f => f.DataType is not (PmmlEngine.Types.DataType.Double or PmmlEngine.Types.DataType.Float or PmmlEngine.Types.DataType.Integer or PmmlEngine.Types.DataType.Boolean)),
                "only results other than numbers, booleans and listed categories, and transactions, stream row by row");
            return;
        }
        Assert.That(Blocks(evaluator, File.ReadAllText(c.Input), new ScoreOptions()), Is.EqualTo(Streamed(evaluator, File.ReadAllText(c.Input), new ScoreOptions())));
    }

    /// <summary>
    /// RapidMiner's models report their prediction as text (prediction(…), a cluster's name), which are listed
    /// categories, and the isolation forest a boolean (0 or 1 in the layout): they are scored in blocks, which
    /// <see cref="ConformanceInputs_WriteWhatTheStreamingScorerWrites"/> compares.
    /// </summary>
    [TestCase("rapidminer/DecisionTreeAudit")]
    [TestCase("rapidminer/KMeansIris")]
    [TestCase("rapidminer/NeuralNetworkIris")]
    [TestCase("rapidminer/RuleSetIris")]
    [TestCase("sklearn-xgboost-lightgbm/IsolationForestAuto")]
    public void TextPredictionsAndBooleans_AreScoredInBlocks(string name) =>
        Assert.That(BlockCsvScorer.Carries(PmmlEvaluator.Load(ConformanceCase.Load().Single(c => c.Name == name).Pmml)), Is.True);

    /// <summary>
    /// Cells the layout cannot carry (a fraction for an integer field, text for a number, an unlisted category) and
    /// records the model rejects go through the record path, with the streaming scorer's error texts.
    /// </summary>
    [Test]
    public void CellsTheLayoutCannotCarry_WriteWhatTheStreamingScorerWrites()
    {
        const string csv = "age,income,sector\n25,30000,private\n25.5,30000,public\nabc,30000,private\n40,NA,astronaut\n61,\"90,000\",public\n33,45000\n\uFEFF,,\n";
        var evaluator = PmmlEvaluator.Load(Path.Combine(TestPaths.Samples, "gbdt-ensemble.pmml"));
        var options = new ScoreOptions { Keep = ["sector"], MissingOutput = "NA" };
        var streamed = Streamed(evaluator, csv, options);
        Assert.That(Blocks(evaluator, csv, options), Is.EqualTo(streamed));
        Assert.That(streamed, Does.Contain("row 3:"), "the sample rejects some of these rows");
    }

    /// <summary>
    /// Records the layout carries but the model rejects (a missing value under returnInvalid) take the record path for
    /// their error text; the others are scored in the block.
    /// </summary>
    [TestCase(false)]
    [TestCase(true)]
    public void RejectedRecords_WriteTheStreamingErrorText(bool chain)
    {
        const string csv = "x1,x2,x3,c\n0.5,1,0.2,a\n,1,0.2,b\n-1.5,,0.1,c\n1,-0.5,,a\n";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            Evaluation.KeptFeaturesBatchTests.Document("missingValueTreatment=\"returnInvalid\"", "", "", chain)));
        var evaluator = PmmlEvaluator.Load(stream);
        Assert.That(BlockCsvScorer.Carries(evaluator), Is.True);
        var streamed = Streamed(evaluator, csv, new ScoreOptions());
        Assert.That(Blocks(evaluator, csv, new ScoreOptions()), Is.EqualTo(streamed));
        Assert.That(streamed, Does.Contain("row 2: Field 'x1' is missing"));
    }

    /// <summary>A model without inputs has no columns in the layout: it streams row by row, every row scored.</summary>
    [Test]
    public void ModelWithoutInputs_Streams()
    {
        const string pmml = """
            <PMML version="4.4" xmlns="http://www.dmg.org/PMML-4_4"><Header/>
              <DataDictionary><DataField name="y" optype="continuous" dataType="double"/></DataDictionary>
              <RegressionModel functionName="regression">
                <MiningSchema><MiningField name="y" usageType="target"/></MiningSchema>
                <RegressionTable intercept="2.5"/>
              </RegressionModel>
            </PMML>
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(pmml));
        var evaluator = PmmlEvaluator.Load(stream);
        Assert.That(BlockCsvScorer.Carries(evaluator), Is.False);
        Assert.That(Streamed(evaluator, "x\n1\n2\n", new ScoreOptions()), Is.EqualTo("y,error" + Environment.NewLine + "2.5," + Environment.NewLine + "2.5," + Environment.NewLine));
    }

    /// <summary>Input that fails partway stops the run; the rows read before it are written, as when streaming.</summary>
    [Test]
    public void InputFailingPartway_RowsBeforeItAreWritten()
    {
        const string csv = "age,income,sector\n25,30000,private\n31,42000,public\n";
        var evaluator = PmmlEvaluator.Load(Path.Combine(TestPaths.Samples, "gbdt-ensemble.pmml"));
        var streamed = new StringWriter();
        Assert.Throws<IOException>(() => CsvScorer.Score(evaluator, new FailingReader(csv), streamed, new ScoreOptions()));
        var blocks = new StringWriter();
        Assert.Throws<IOException>(() => BlockCsvScorer.Score(evaluator, new FailingReader(csv), blocks, new ScoreOptions()));
        Assert.That(blocks.ToString(), Is.EqualTo(streamed.ToString()));
        Assert.That(blocks.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(3), "the header and two rows");
    }

    /// <summary>Reads <paramref name="text"/>, then fails as a broken pipe or disk would.</summary>
    private sealed class FailingReader(string text) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count)
        {
            if (_position == text.Length)
                throw new IOException("the input went away");
            var n = Math.Min(count, text.Length - _position);
            text.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }

        public override int Read(Span<char> buffer)
        {
            var chunk = new char[buffer.Length];
            var n = Read(chunk, 0, chunk.Length);
            chunk.AsSpan(0, n).CopyTo(buffer);
            return n;
        }
    }

    private static string Streamed(PmmlEvaluator evaluator, string csv, ScoreOptions options)
    {
        var output = new StringWriter();
        CsvScorer.Score(evaluator, new StringReader(csv), output, options);
        return output.ToString();
    }

    private static string Blocks(PmmlEvaluator evaluator, string csv, ScoreOptions options)
    {
        var output = new StringWriter();
        BlockCsvScorer.Score(evaluator, new StringReader(csv), output, options);
        return output.ToString();
    }
}
