using System.Globalization;
using System.Text;

namespace PmmlEngine.Tests.Evaluation;

/// <summary>
/// NearestNeighborModel scoring methods, neighbour outputs and missing inputs on both backends (expectations from the
/// PMML 4.4 formulas in Python), and the k-d tree against a brute-force search written here.
/// </summary>
[TestFixture]
public sealed class NearestNeighborTests
{
    // Six instances (x1, x2, y, c); euclidean with weights 1 and 2; k = 3.
    internal static string Document(string function, string target, string method) => Pmml.Document("""
        <DataField name="x1" optype="continuous" dataType="double"/><DataField name="x2" optype="continuous" dataType="double"/>
        <DataField name="y" optype="continuous" dataType="double"/>
        <DataField name="c" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/><Value value="c"/></DataField>
        <DataField name="id" optype="categorical" dataType="string"/>
        """, $"""
        <NearestNeighborModel functionName="{function}" numberOfNeighbors="3" {method} instanceIdVariable="id">
          <MiningSchema><MiningField name="x1"/><MiningField name="x2"/><MiningField name="{target}" usageType="target"/></MiningSchema>
          <Output>
            <OutputField name="first" feature="entityId"/><OutputField name="third" feature="entityId" rank="3"/>
            <OutputField name="d1" feature="affinity"/><OutputField name="d3" feature="affinity" rank="3"/>
            {(function == "classification" ? "<OutputField name=\"pb\" feature=\"probability\" value=\"b\"/>" : "")}
          </Output>
          <TrainingInstances>
            <InstanceFields>
              <InstanceField field="x1" column="x1"/><InstanceField field="x2" column="x2"/><InstanceField field="y" column="y"/>
              <InstanceField field="c" column="c"/><InstanceField field="id" column="id"/>
            </InstanceFields>
            <InlineTable>
              <row><x1>1</x1><x2>1</x2><y>10</y><c>a</c><id>i1</id></row>
              <row><x1>2</x1><x2>1</x2><y>12</y><c>a</c><id>i2</id></row>
              <row><x1>4</x1><x2>3</x2><y>20</y><c>b</c><id>i3</id></row>
              <row><x1>5</x1><x2>5</x2><y>30</y><c>b</c><id>i4</id></row>
              <row><x1>0</x1><x2>4</x2><y>5</y><c>c</c><id>i5</id></row>
              <row><x1>3</x1><x2>2</x2><y>15</y><c>b</c><id>i6</id></row>
            </InlineTable>
          </TrainingInstances>
          <ComparisonMeasure kind="distance"><euclidean/></ComparisonMeasure>
          <KNNInputs><KNNInput field="x1"/><KNNInput field="x2" fieldWeight="2"/></KNNInputs>
        </NearestNeighborModel>
        """);

    [TestCase("average", 2.0, 2.0, 12.333333333333334, "i6", "i1", 1.0, 1.7320508075688772)]
    [TestCase("median", 2.0, 2.0, 12.0, "i6", "i1", 1.0, 1.7320508075688772)]
    [TestCase("weightedAverage", 2.0, 2.0, 12.807389969587344, "i6", "i1", 1.0, 1.7320508075688772)]
    [TestCase("median", 4.0, 4.0, 20.0, "i3", "i6", 1.4142135623730951, 3.0)]
    [TestCase("weightedAverage", null, 3.0, 19.990014977533697, "i3", "i6", 0.0, 2.0)]   // x1 missing: distances scaled by 2/1
    public void Regression(string method, double? x1, double x2, double y, string first, string third, double d1, double d3)
    {
        foreach (var evaluator in Pmml.LoadBoth(Document("regression", "y", $"continuousScoringMethod=\"{method}\"")))
        {
            var result = evaluator.Evaluate(Pmml.Row(("x1", x1), ("x2", x2)));
            Assert.That((double)result["y"]!, Is.EqualTo(y).Within(1e-12));
            Assert.That((result["first"], result["third"]), Is.EqualTo((first, third)));
            Assert.That((double)result["d1"]!, Is.EqualTo(d1).Within(1e-15));
            Assert.That((double)result["d3"]!, Is.EqualTo(d3).Within(1e-15));
        }
    }

    [TestCase("majorityVote", 2.0, 2.0, "a", 1.0 / 3)]
    [TestCase("weightedMajorityVote", 2.0, 2.0, "a", 0.4376544042375652)]
    [TestCase("weightedMajorityVote", null, 3.0, "b", 0.9995007488766849)]
    public void Classification(string method, double? x1, double x2, string c, double pb)
    {
        foreach (var evaluator in Pmml.LoadBoth(Document("classification", "c", $"categoricalScoringMethod=\"{method}\"")))
        {
            var result = evaluator.Evaluate(Pmml.Row(("x1", x1), ("x2", x2)));
            Assert.That(result["c"], Is.EqualTo(c));
            Assert.That((double)result["pb"]!, Is.EqualTo(pb).Within(1e-15));
        }
    }

    [Test]
    public void EveryInputMissingMeansNoPrediction()
    {
        foreach (var evaluator in Pmml.LoadBoth(Document("regression", "y", "")))
            Assert.That(evaluator.Evaluate(Pmml.Row(("x1", null), ("x2", null)))["y"], Is.Null);
    }

    /// <summary>
    /// 600 instances on a coarse grid (many equal distances) are indexed by a k-d tree; its neighbours must be exactly
    /// those of a brute-force sort by (distance, document order), also with one coordinate missing.
    /// </summary>
    [TestCase("euclidean")]
    [TestCase("cityBlock")]
    [TestCase("chebychev")]
    [TestCase("minkowski p-parameter=\"3\"")]
    public void TheSpatialIndexFindsWhatAScanFinds(string measure)
    {
        var random = new Random(7);
        var points = Enumerable.Range(0, 600).Select(_ => new[] { random.Next(20) / 2.0, random.Next(20) / 2.0, random.Next(20) / 2.0 }).ToArray();
        var weights = new[] { 1.0, 0.5, 2.0 };
        var rows = new StringBuilder();
        for (var i = 0; i < points.Length; i++)
            rows.Append(CultureInfo.InvariantCulture, $"<row><a>{points[i][0]}</a><b>{points[i][1]}</b><c>{points[i][2]}</c><y>{i}</y></row>");
        var document = Pmml.Document("""
            <DataField name="a" optype="continuous" dataType="double"/><DataField name="b" optype="continuous" dataType="double"/>
            <DataField name="c" optype="continuous" dataType="double"/><DataField name="y" optype="continuous" dataType="double"/>
            """, $"""
            <NearestNeighborModel functionName="regression" numberOfNeighbors="5">
              <MiningSchema><MiningField name="a"/><MiningField name="b"/><MiningField name="c"/><MiningField name="y" usageType="target"/></MiningSchema>
              <Output>{string.Concat(Enumerable.Range(1, 5).Select(r => $"<OutputField name=\"n{r}\" feature=\"entityId\" rank=\"{r}\"/>"))}</Output>
              <TrainingInstances>
                <InstanceFields><InstanceField field="a"/><InstanceField field="b"/><InstanceField field="c"/><InstanceField field="y"/></InstanceFields>
                <InlineTable>{rows}</InlineTable>
              </TrainingInstances>
              <ComparisonMeasure kind="distance"><{measure}/></ComparisonMeasure>
              <KNNInputs><KNNInput field="a"/><KNNInput field="b" fieldWeight="0.5"/><KNNInput field="c" fieldWeight="2"/></KNNInputs>
            </NearestNeighborModel>
            """);
        var p = measure.StartsWith("minkowski", StringComparison.Ordinal) ? 3.0 : measure == "euclidean" ? 2.0 : 1.0;
        foreach (var evaluator in Pmml.LoadBoth(document))
        {
            for (var q = 0; q < 200; q++)
            {
                double?[] query = [random.Next(22) / 2.0 - 0.5, random.Next(22) / 2.0, q % 5 == 0 ? null : random.Next(20) / 2.0];
                double Inner(double[] point) => Enumerable.Range(0, 3).Where(d => query[d] is not null)
                    .Select(d => weights[d] * Math.Pow(Math.Abs(query[d]!.Value - point[d]), p))
                    .Aggregate(0.0, (acc, term) => measure == "chebychev" ? Math.Max(acc, term) : acc + term);
                var expected = Enumerable.Range(0, points.Length).OrderBy(i => Inner(points[i])).ThenBy(i => i).Take(5)
                    .Select(i => (object?)(i + 1).ToString(CultureInfo.InvariantCulture));
                var result = evaluator.Evaluate(Pmml.Row(("a", query[0]), ("b", query[1]), ("c", query[2])));
                Assert.That(Enumerable.Range(1, 5).Select(r => result[$"n{r}"]), Is.EqualTo(expected), $"query {string.Join(", ", query)}");
            }
        }
    }

    [Test]
    public void AnInvalidValueIsAnErrorNamingItsField() => Pmml.AssertRejects(Document("regression", "y", ""), "x2", ("x1", 1.0), ("x2", "abc"));

    // Jaccard over binary inputs: (1,1,1) is 2/3 like i1 and i3 (document order breaks the tie), (0,1,1) is 1 like i3, ½ like i4.
    [TestCase(1, 1, 1, "i1", "i3", 2.0 / 3, "a")]
    [TestCase(0, 1, 1, "i3", "i4", 1.0, "b")]
    public void BinarySimilarityRanksByLargestSimilarity(int b1, int b2, int b3, string first, string second, double similarity, string c)
    {
        var document = Pmml.Document("""
            <DataField name="b1" optype="continuous" dataType="integer"/><DataField name="b2" optype="continuous" dataType="integer"/>
            <DataField name="b3" optype="continuous" dataType="integer"/>
            <DataField name="c" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/></DataField>
            <DataField name="id" optype="categorical" dataType="string"/>
            """, """
            <NearestNeighborModel functionName="classification" numberOfNeighbors="2" instanceIdVariable="id">
              <MiningSchema><MiningField name="b1"/><MiningField name="b2"/><MiningField name="b3"/><MiningField name="c" usageType="target"/></MiningSchema>
              <Output><OutputField name="first" feature="entityId"/><OutputField name="second" feature="entityId" rank="2"/>
                <OutputField name="similarity" feature="affinity" dataType="double"/></Output>
              <TrainingInstances>
                <InstanceFields><InstanceField field="b1"/><InstanceField field="b2"/><InstanceField field="b3"/><InstanceField field="c"/><InstanceField field="id"/></InstanceFields>
                <InlineTable>
                  <row><b1>1</b1><b2>1</b2><b3>0</b3><c>a</c><id>i1</id></row><row><b1>1</b1><b2>0</b2><b3>0</b3><c>a</c><id>i2</id></row>
                  <row><b1>0</b1><b2>1</b2><b3>1</b3><c>b</c><id>i3</id></row><row><b1>0</b1><b2>0</b2><b3>1</b3><c>b</c><id>i4</id></row>
                </InlineTable>
              </TrainingInstances>
              <ComparisonMeasure kind="similarity"><jaccard/></ComparisonMeasure>
              <KNNInputs><KNNInput field="b1"/><KNNInput field="b2"/><KNNInput field="b3"/></KNNInputs>
            </NearestNeighborModel>
            """);
        foreach (var evaluator in Pmml.LoadBoth(document))
        {
            var result = evaluator.Evaluate(Pmml.Row(("b1", b1), ("b2", b2), ("b3", b3)));
            Assert.That((result["first"], result["second"], result["c"]), Is.EqualTo((first, second, c)));
            Assert.That((double)result["similarity"]!, Is.EqualTo(similarity).Within(1e-15));
        }
    }
}
