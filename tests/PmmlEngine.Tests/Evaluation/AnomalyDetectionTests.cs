using System.Globalization;
using System.Xml.Linq;
using PmmlEngine.Tests.Conformance;

namespace PmmlEngine.Tests.Evaluation;

/// <summary>AnomalyDetectionModel around an isolation forest (checked against scikit-learn's own scores), a one-class SVM and clusters.</summary>
[TestFixture]
public sealed class AnomalyDetectionTests
{
    /// <summary>
    /// The conformance IsolationForestAuto forest, stripped of sklearn2pmml's output arithmetic and wrapped as PMML 4.4
    /// describes: its score 2^(−E(h)/c(256)) must be 0.5 − scikit-learn's decision_function.
    /// </summary>
    [Test]
    public void IsolationForestScoresMatchScikitLearn()
    {
        var directory = Path.Combine(TestPaths.Conformance, "sklearn-xgboost-lightgbm");
        var document = XDocument.Load(Path.Combine(directory, "pmml", "IsolationForestAuto.pmml"));
        var forest = document.Root!.Elements().Single(e => e.Name.LocalName == "MiningModel");
        forest.Elements().Single(e => e.Name.LocalName == "Output").Remove();
        var ns = forest.Name.Namespace;
        var wrapper = new XElement(ns + "AnomalyDetectionModel",
            new XAttribute("functionName", "regression"), new XAttribute("algorithmType", "iforest"), new XAttribute("sampleDataSize", "256"),
            new XElement(forest.Elements().Single(e => e.Name.LocalName == "MiningSchema")),
            new XElement(ns + "Output", new XElement(ns + "OutputField", new XAttribute("name", "score"), new XAttribute("feature", "predictedValue"),
                new XAttribute("dataType", "double"), new XAttribute("optype", "continuous"))),
            new XElement(forest));
        forest.ReplaceWith(wrapper);

        var inputs = CsvTable.Read(Path.Combine(directory, "csv", "Auto.csv"));
        var expected = CsvTable.Read(Path.Combine(directory, "csv", "IsolationForestAuto.csv"));
        foreach (var evaluator in Pmml.LoadBoth(document.ToString()))
        {
            for (var row = 0; row < inputs.Rows.Count; row++)
            {
                var record = inputs.Header.Select((name, column) => (name, (object?)inputs.Rows[row][column])).ToArray();
                var score = (double)evaluator.Evaluate(Pmml.Row(record))["score"]!;
                var decision = double.Parse(expected.Rows[row][expected.Column("decisionFunction")], CultureInfo.InvariantCulture);
                Assert.That(score, Is.EqualTo(0.5 - decision).Within(1e-13), $"row {row + 1}");
            }
        }
    }

    [TestCase(1.0, 0.5)]     // nearest center 0 at distance 1, its mean distance 2
    [TestCase(13.0, 0.75)]   // nearest center 10 at distance 3, its mean distance 4
    public void ClusterMeanDistance(double x, double expected)
    {
        var document = Pmml.Document("""<DataField name="x" optype="continuous" dataType="double"/>""", """
            <AnomalyDetectionModel functionName="regression" algorithmType="clusterMeanDist">
              <MiningSchema><MiningField name="x"/></MiningSchema>
              <Output><OutputField name="score" feature="predictedValue" dataType="double"/></Output>
              <ClusteringModel functionName="clustering" modelClass="centerBased" numberOfClusters="2">
                <MiningSchema><MiningField name="x"/></MiningSchema>
                <ComparisonMeasure kind="distance"><euclidean/></ComparisonMeasure>
                <ClusteringField field="x"/>
                <Cluster><Array type="real">0</Array></Cluster><Cluster><Array type="real">10</Array></Cluster>
              </ClusteringModel>
              <MeanClusterDistances><Array type="real">2 4</Array></MeanClusterDistances>
            </AnomalyDetectionModel>
            """);
        foreach (var evaluator in Pmml.LoadBoth(document))
            Assert.That(evaluator.Evaluate(Pmml.Row(("x", x)))["score"], Is.EqualTo(expected).Within(1e-15));
    }

    [TestCase(2.0, 3.0)]      // f = −1 + 2x
    [TestCase(null, null)]
    public void OneClassSvmDecisionValue(double? x, double? expected)
    {
        var document = Pmml.Document("""<DataField name="x" optype="continuous" dataType="double"/>""", """
            <AnomalyDetectionModel functionName="regression" algorithmType="ocsvm">
              <MiningSchema><MiningField name="x"/></MiningSchema>
              <Output><OutputField name="score" feature="predictedValue" dataType="double"/></Output>
              <SupportVectorMachineModel functionName="regression" svmRepresentation="Coefficients">
                <MiningSchema><MiningField name="x"/></MiningSchema>
                <LinearKernelType/>
                <VectorDictionary><VectorFields><FieldRef field="x"/></VectorFields></VectorDictionary>
                <SupportVectorMachine><Coefficients absoluteValue="-1"><Coefficient value="2"/></Coefficients></SupportVectorMachine>
              </SupportVectorMachineModel>
            </AnomalyDetectionModel>
            """);
        foreach (var evaluator in Pmml.LoadBoth(document))
            Assert.That(evaluator.Evaluate(Pmml.Row(("x", x)))["score"], Is.EqualTo(expected));
    }
}
