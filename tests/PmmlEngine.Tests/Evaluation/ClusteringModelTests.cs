using PmmlEngine.Evaluation;

namespace PmmlEngine.Tests.Evaluation;

/// <summary>
/// Center-based ClusteringModel measures, compare functions, weights, missing values and cluster outputs on both
/// backends. Expectations were computed from the PMML 4.4 formulas in a few lines of Python, not by the engine.
/// </summary>
[TestFixture]
public sealed class ClusteringModelTests
{
    // Clusters without ids are named by position: centers 1 (0,0), 2 (3,1), 3 (1,4); field weights 2 and 0.5;
    // missing-value weights 1 and 3, so a missing x1 scales the aggregate by 4/3.
    internal static string Distances(string measure) => $"""
        <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/>
          <DataDictionary><DataField name="x1" optype="continuous" dataType="double"/><DataField name="x2" optype="continuous" dataType="double"/></DataDictionary>
          <ClusteringModel functionName="clustering" modelClass="centerBased" numberOfClusters="3">
            <MiningSchema><MiningField name="x1"/><MiningField name="x2"/></MiningSchema>
            <Output>
              <OutputField name="id" feature="predictedValue"/>
              <OutputField name="name" feature="predictedDisplayValue"/>
              <OutputField name="index" feature="clusterId" dataType="integer"/>
              <OutputField name="affinity" feature="affinity"/>
              <OutputField name="to2" feature="affinity" value="2"/>
              <OutputField name="second" feature="entityId" rank="2"/>
            </Output>
            <ComparisonMeasure kind="distance">{measure}</ComparisonMeasure>
            <ClusteringField field="x1" fieldWeight="2"/>
            <ClusteringField field="x2" fieldWeight="0.5"/>
            <MissingValueWeights><Array n="2" type="real">1 3</Array></MissingValueWeights>
            <Cluster name="A"><Array n="2" type="real">0 0</Array></Cluster>
            <Cluster name="B"><Array n="2" type="real">3 1</Array></Cluster>
            <Cluster name="C"><Array n="2" type="real">1 4</Array></Cluster>
          </ClusteringModel>
        </PMML>
        """;

    [TestCase("<euclidean/>", 1.0, 1.0, "1", "3", 1.5811388300841898, 2.8284271247461903)]
    [TestCase("<euclidean/>", 2.5, 3.0, "2", "3", 1.5811388300841898, 1.5811388300841898)] // a tie: the first cluster wins
    [TestCase("<euclidean/>", null, 3.5, "3", "2", 0.408248290463863, 2.0412414523193148)]
    [TestCase("<squaredEuclidean/>", 1.0, 1.0, "1", "3", 2.5, 8.0)]
    [TestCase("<squaredEuclidean/>", null, 3.5, "3", "2", 0.16666666666666666, 4.166666666666666)]
    [TestCase("<cityBlock/>", 1.0, 1.0, "3", "1", 1.5, 4.0)]
    [TestCase("<cityBlock/>", null, 3.5, "3", "2", 0.3333333333333333, 1.6666666666666665)]
    [TestCase("<chebychev/>", 1.0, 1.0, "3", "1", 1.5, 4.0)]
    [TestCase("<chebychev/>", 2.5, 3.0, "2", "3", 1.0, 1.0)]
    [TestCase("<minkowski p-parameter=\"3\"/>", 1.0, 1.0, "1", "3", 1.3572088082974532, 2.5198420997897464)]
    [TestCase("<minkowski p-parameter=\"3\"/>", null, 3.5, "3", "2", 0.43679023236814946, 2.183951161840747)]
    public void FindsTheNearestCenter(string measure, double? x1, double x2, string winner, string second, double affinity, double toCluster2)
    {
        foreach (var evaluator in Pmml.LoadBoth(Distances(measure)))
        {
            var result = evaluator.Evaluate(Pmml.Row(("x1", x1), ("x2", x2)));
            Assert.That(result["id"], Is.EqualTo(winner));
            Assert.That(result["name"], Is.EqualTo("ABC"[int.Parse(winner) - 1].ToString()));
            Assert.That(result["index"], Is.EqualTo(int.Parse(winner)));
            Assert.That((double)result["affinity"]!, Is.EqualTo(affinity).Within(1e-15));
            Assert.That((double)result["to2"]!, Is.EqualTo(toCluster2).Within(1e-15));
            Assert.That(result["second"], Is.EqualTo(second));
        }
    }

    [Test]
    public void EveryFieldMissingMeansNoCluster()
    {
        foreach (var evaluator in Pmml.LoadBoth(Distances("<euclidean/>")))
        {
            var result = evaluator.Evaluate(Pmml.Row(("x1", null), ("x2", null)));
            Assert.That(result["id"], Is.Null);
            Assert.That(result["name"], Is.Null);
            Assert.That(result["affinity"], Is.Null);
        }
    }

    // Input (1,0,0,1) against centers (1,0,1,1): a11=2 a10=0 a01=1 a00=1, and (0,0,1,0): a11=0 a10=2 a01=1 a00=1.
    [TestCase("<simpleMatching/>", 0.75, 0.25)]
    [TestCase("<jaccard/>", 2.0 / 3, 0.0)]
    [TestCase("<tanimoto/>", 0.6, 1.0 / 7)]
    [TestCase("<binarySimilarity c00=\"1\" c01=\"0\" c10=\"0\" c11=\"2\" d00=\"1\" d01=\"1\" d10=\"1\" d11=\"1\"/>", 1.25, 0.25)]
    public void BinarySimilarities(string measure, double toFirst, double toSecond)
    {
        var document = $"""
            <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/>
              <DataDictionary>{string.Concat(Enumerable.Range(1, 4).Select(i => $"<DataField name=\"b{i}\" optype=\"continuous\" dataType=\"integer\"/>"))}</DataDictionary>
              <ClusteringModel functionName="clustering" modelClass="centerBased" numberOfClusters="2">
                <MiningSchema>{string.Concat(Enumerable.Range(1, 4).Select(i => $"<MiningField name=\"b{i}\"/>"))}</MiningSchema>
                <Output><OutputField name="first" feature="affinity" value="one"/><OutputField name="second" feature="affinity" value="two"/></Output>
                <ComparisonMeasure kind="similarity">{measure}</ComparisonMeasure>
                {string.Concat(Enumerable.Range(1, 4).Select(i => $"<ClusteringField field=\"b{i}\"/>"))}
                <Cluster id="one"><Array type="int">1 0 1 1</Array></Cluster>
                <Cluster id="two"><Array type="int">0 0 1 0</Array></Cluster>
              </ClusteringModel>
            </PMML>
            """;
        foreach (var evaluator in Pmml.LoadBoth(document))
        {
            var result = evaluator.Evaluate(Pmml.Row(("b1", 1), ("b2", 0), ("b3", 0), ("b4", 1)));
            Assert.That(result["first"], Is.EqualTo(toFirst).Within(1e-15));
            Assert.That(result["second"], Is.EqualTo(toSecond).Within(1e-15));
        }
    }

    // Category c against centers u and w, x by absDiff, cityBlock. table: v–u 1, v–w 3, w–u 2, w–w 0; delta: 0 or 1.
    [TestCase("table", "v", "1", 1.5)]
    [TestCase("table", "w", "2", 0.5)]
    [TestCase("delta", "v", "1", 1.5)]
    [TestCase("delta", "w", "2", 0.5)]
    public void CategoricalComparisons(string compare, string c, string winner, double affinity)
    {
        var document = $"""
            <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/>
              <DataDictionary>
                <DataField name="c" optype="categorical" dataType="string"><Value value="u"/><Value value="v"/><Value value="w"/></DataField>
                <DataField name="x" optype="continuous" dataType="double"/>
              </DataDictionary>
              <ClusteringModel functionName="clustering" modelClass="centerBased" numberOfClusters="2">
                <MiningSchema><MiningField name="c"/><MiningField name="x"/></MiningSchema>
                <Output><OutputField name="id" feature="predictedValue"/><OutputField name="affinity" feature="affinity"/></Output>
                <ComparisonMeasure kind="distance"><cityBlock/></ComparisonMeasure>
                <ClusteringField field="c" compareFunction="{compare}">
                  <Comparisons><Matrix><Array type="real">0 1 2</Array><Array type="real">1 0 3</Array><Array type="real">2 3 0</Array></Matrix></Comparisons>
                </ClusteringField>
                <ClusteringField field="x"/>
                <Cluster><Array type="string">u 0</Array></Cluster>
                <Cluster><Array type="string">w 1</Array></Cluster>
              </ClusteringModel>
            </PMML>
            """;
        foreach (var evaluator in Pmml.LoadBoth(document))
        {
            var result = evaluator.Evaluate(Pmml.Row(("c", c), ("x", 0.5)));
            Assert.That(result["id"], Is.EqualTo(winner));
            Assert.That(result["affinity"], Is.EqualTo(affinity).Within(1e-15));
        }
    }

    // gaussSim exp(−ln2·(x−y)²/s²) with s = 2 and a similarity kind: x = 1 is 0.84 like center 0 and 0.5 like center 3.
    [Test]
    public void GaussianSimilarity()
    {
        const string document = """
            <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/>
              <DataDictionary><DataField name="x" optype="continuous" dataType="double"/></DataDictionary>
              <ClusteringModel functionName="clustering" modelClass="centerBased" numberOfClusters="2">
                <MiningSchema><MiningField name="x"/></MiningSchema>
                <Output><OutputField name="id" feature="entityId"/><OutputField name="affinity" feature="affinity"/></Output>
                <ComparisonMeasure kind="similarity" compareFunction="gaussSim"><cityBlock/></ComparisonMeasure>
                <ClusteringField field="x" similarityScale="2"/>
                <Cluster id="near"><Array type="real">0</Array></Cluster>
                <Cluster id="far"><Array type="real">3</Array></Cluster>
              </ClusteringModel>
            </PMML>
            """;
        foreach (var evaluator in Pmml.LoadBoth(document))
        {
            var result = evaluator.Evaluate(Pmml.Row(("x", 1.0)));
            Assert.That(result["id"], Is.EqualTo("near"));
            Assert.That(result["affinity"], Is.EqualTo(0.8408964152537145).Within(1e-15));
        }
    }

    [Test]
    public void DistributionBasedModelsAreScoredByTheirCenterVectors()
    {
        foreach (var evaluator in Pmml.LoadBoth(Distances("<euclidean/>").Replace("centerBased", "distributionBased")))
            Assert.That(evaluator.Evaluate(Pmml.Row(("x1", 1.0), ("x2", 1.0)))["id"], Is.EqualTo("1"));
    }

    [Test]
    public void DistributionBasedModelsWithoutCentersAreRefusedAtLoadByName()
    {
        var document = Distances("<euclidean/>").Replace("centerBased", "distributionBased")
            .Replace("""<Cluster name="C"><Array n="2" type="real">1 4</Array></Cluster>""", """<Cluster name="C"/>""");
        var error = Assert.Throws<Errors.PmmlMarkupException>(() => Pmml.Load(document));
        Assert.That(error!.Message, Does.Contain("distributionBased"));
    }

    [Test]
    public void AnInvalidValueIsAnErrorNamingItsField() => Pmml.AssertRejects(Distances("<euclidean/>"), "x1", ("x1", "abc"), ("x2", 1.0));
}
