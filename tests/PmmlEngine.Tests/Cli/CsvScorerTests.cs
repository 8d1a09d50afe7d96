using System.Text;
using PmmlEngine.Evaluation;
using PmmlScore;

namespace PmmlEngine.Tests.Cli;

public sealed class CsvScorerTests
{
    private static PmmlEvaluator Tree() => PmmlEvaluator.Load(Path.Combine(TestPaths.Samples, "iris-tree.pmml"));

    private static (ScoreSummary Summary, CsvTable Output) Score(string csv, ScoreOptions? options = null)
    {
        var output = new StringWriter();
        var summary = CsvScorer.Score(Tree(), new StringReader(csv), output, options ?? new ScoreOptions());
        return (summary, CsvTable.Read(new StringReader(output.ToString())));
    }

    [Test]
    public void Score_BadRowsAmongGood_OneOutputRowPerInputRow()
    {
        var csv = "petal_length,petal_width\n1.4,0.2\nabc,1\n99,1\n4.5\n\"5.8\",\"2.2\"\n1,2,3,4\n";
        var (summary, output) = Score(csv);
        Assert.That(summary, Is.EqualTo(new ScoreSummary(6, 2)));
        Assert.That(output.Rows, Has.Count.EqualTo(6));
        var error = output.Column("error");
        Assert.That(output.Rows[1][error], Does.Contain("row 2").And.Contain("petal_length").And.Contain("abc"));
        Assert.That(output.Rows[2][error], Does.Contain("row 3").And.Contain("'99'"));
        Assert.That(output.Rows[3][output.Column("species")], Is.EqualTo("versicolor"), "a short row reads its absent cells as missing");
        Assert.That(output.Rows[4][output.Column("species")], Is.EqualTo("virginica"));
    }

    [Test]
    public void Score_KeepAndMissingOutput_CopiesColumnsAndWritesMarker()
    {
        var (_, output) = Score("id,petal_length,petal_width\n7,12,1\n", new ScoreOptions { Keep = ["id"], MissingOutput = "NA" });
        Assert.That(output.Header[0], Is.EqualTo("id"));
        Assert.That(output.Rows[0][0], Is.EqualTo("7"));
        Assert.That(output.Rows[0][output.Column("species")], Is.EqualTo("NA"));
    }

    [Test]
    public void Score_EmptyInput_ClearError()
    {
        var e = Assert.Throws<CsvInputException>(() => Score(""))!;
        Assert.That(e.Message, Does.Contain("header"));
    }

    [Test]
    public void Score_HeaderOnly_NoRows()
    {
        var (summary, output) = Score("petal_length,petal_width\n");
        Assert.That(summary.Rows, Is.Zero);
        Assert.That(output.Header, Does.Contain("species"));
    }

    [Test]
    public void Score_DuplicateColumn_ClearError()
    {
        var e = Assert.Throws<CsvInputException>(() => Score("petal_length,petal_length\n1,2\n"))!;
        Assert.That(e.Message, Does.Contain("twice"));
    }

    [Test]
    public void Score_QuotedFieldsWithNewlinesBomAndCrLf_Counted()
    {
        var csv = "\uFEFFpetal_length,petal_width,note\r\n1.4,0.2,\"multi\r\nline\"\r\n4.5,1.5,x\r\n";
        var (summary, output) = Score(csv);
        Assert.That(summary.Rows, Is.EqualTo(2));
        Assert.That(output.Rows.Select(r => r[0]), Is.EqualTo(new[] { "setosa", "versicolor" }));
    }

    [Test]
    public void Score_ManyRows_StreamsEveryRow()
    {
        const int rows = 200_000;
        var output = new CountingWriter();
        var summary = CsvScorer.Score(Tree(), new GeneratedCsv(rows), output, new ScoreOptions());
        Assert.That(summary, Is.EqualTo(new ScoreSummary(rows, 0)));
        Assert.That(output.Lines, Is.EqualTo(rows + 1));
    }

    /// <summary>Produces CSV text on demand, so the test holds no file in memory.</summary>
    private sealed class GeneratedCsv(int rows) : TextReader
    {
        private int _row = -1;
        private string _line = "";
        private int _position;

        public override int Read()
        {
            if (_position == _line.Length)
            {
                if (++_row > rows) return -1;
                _line = _row == 0 ? "petal_length,petal_width\n" : $"{_row % 7},{_row % 3}.5\n";
                _position = 0;
            }
            return _line[_position++];
        }

        public override int Peek() => _position < _line.Length ? _line[_position] : _row >= rows ? -1 : '\n';

        public override int Read(char[] buffer, int index, int count)
        {
            var n = 0;
            while (n < count)
            {
                var c = Read();
                if (c < 0) break;
                buffer[index + n++] = (char)c;
            }
            return n;
        }
    }

    private sealed class CountingWriter : TextWriter
    {
        public long Lines { get; private set; }
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value)
        {
            if (value == '\n') Lines++;
        }
    }
}
