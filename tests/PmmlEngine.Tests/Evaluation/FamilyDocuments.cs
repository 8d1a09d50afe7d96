namespace PmmlEngine.Tests.Evaluation;

/// <summary>One or more documents of every model family the family tests build, for the compiled-vs-interpreter differential test.</summary>
internal static class FamilyDocuments
{
    public static IEnumerable<(string Name, string Document)> All()
    {
        yield return ("NeuralNetwork_Classifier", NeuralNetworkTests.Classifier);
        yield return ("NeuralNetwork_Logistic", NeuralNetworkTests.Regression("logistic"));
        yield return ("Clustering_Minkowski", ClusteringModelTests.Distances("<minkowski p-parameter=\"3\"/>"));
        yield return ("NearestNeighbor_Regression", NearestNeighborTests.Document("regression", "y", "continuousScoringMethod=\"weightedAverage\""));
        yield return ("NearestNeighbor_Classification", NearestNeighborTests.Document("classification", "c", "categoricalScoringMethod=\"weightedMajorityVote\""));
        yield return ("Svm_RadialBasis", SupportVectorMachineTests.Regression("<RadialBasisKernelType gamma=\"0.5\"/>"));
        yield return ("Svm_OneAgainstOne", SupportVectorMachineTests.Classifier("classificationMethod=\"OneAgainstOne\"", pairs: true));
        yield return ("GeneralRegression_Logit", GeneralRegressionTests.Generalized("logit"));
        yield return ("GeneralRegression_Ordinal", GeneralRegressionTests.Ordinal());
        yield return ("Scorecard", ScorecardTests.Document("pointsAbove"));
        yield return ("NaiveBayes", NaiveBayesTests.Document);
        yield return ("RuleSet_WeightedSum", RuleSetModelTests.Document("weightedSum"));
        yield return ("BayesianNetwork", BayesianNetworkTests.Document);
        yield return ("TimeSeries_Smoothing", TimeSeriesModelTests.Smoothing("""<Level smoothedValue="100"/><Trend_ExpoSmooth trend="damped_additive" phi="0.9" smoothedValue="2"/>""", ""));
        yield return ("Baseline_ZValue", BaselineModelTests.Document("continuous",
            """<TestDistributions field="x" testStatistic="zValue"><Baseline><GaussianDistribution mean="10" variance="4"/></Baseline></TestDistributions>"""));
        yield return ("Text", TextModelTests.Document("logarithmic", "cosine"));
        yield return ("Association", AssociationModelTests.Document(AssociationModelTests.Outputs));
        yield return ("Sequence", SequenceModelTests.Document);
        yield return ("GaussianProcess", GaussianProcessTests.Document("""<RadialBasisKernel gamma="2" noiseVariance="0.1" lambda="1.5"/>""",
            """<MiningField name="x1"/>""", "<row><x1>0</x1><y>1</y></row><row><x1>1</x1><y>2</y></row>", 1));
    }
}
