using PmmlEngine.Tests.Conformance;

namespace PmmlEngine.Tests.Tensors;

/// <summary>
/// Which conformance models the tensor plan covers: every tree and tree ensemble whose trees are summed, averaged or
/// voted. The others must be refused with the reason listed here (a case moving either way fails a test).
/// </summary>
internal static class TensorCases
{
    public static readonly IReadOnlyDictionary<string, string> Refused = new Dictionary<string, string>
    {
        ["sklearn-xgboost-lightgbm/SelectFirstAudit"] = "combining its trees by SelectFirst",
        ["sklearn-xgboost-lightgbm/SelectFirstAuto"] = "combining its trees by SelectFirst",
        ["sklearn-xgboost-lightgbm/IsotonicRegressionAuto"] = "not a tree or an ensemble of trees",
        ["sklearn-xgboost-lightgbm/LinearRegressionAuto"] = "not a tree or an ensemble of trees",
        ["sklearn-xgboost-lightgbm/LogisticRegressionAudit"] = "not a tree or an ensemble of trees",
        ["sklearn-xgboost-lightgbm/LogisticRegressionIris"] = "not a tree or an ensemble of trees",
        ["sklearn-xgboost-lightgbm/LinearDiscriminantAnalysisSentiment"] = "not a tree or an ensemble of trees",
        ["sklearn-xgboost-lightgbm/LinearSVCSentiment"] = "not a tree or an ensemble of trees",
        ["sklearn-xgboost-lightgbm/LogisticRegressionSentiment"] = "not a tree or an ensemble of trees",
        ["rapidminer/KMeansIris"] = "not a tree or an ensemble of trees",
        ["rapidminer/NeuralNetworkIris"] = "not a tree or an ensemble of trees",
        ["rapidminer/RegressionAuto"] = "not a tree or an ensemble of trees",
        ["rapidminer/RuleSetAudit"] = "not a tree or an ensemble of trees",
        ["rapidminer/RuleSetIris"] = "not a tree or an ensemble of trees",
    };

    /// <summary>Models whose ONNX export is refused, and why, where the reason differs from the tensor plan's: their fields have no graph form here.</summary>
    public static readonly IReadOnlyDictionary<string, string> OnnxRefused = new Dictionary<string, string>
    {
        ["sklearn-xgboost-lightgbm/RandomForestSentiment"] = "a TextIndex through DefineFunction",
        ["sklearn-xgboost-lightgbm/XGBoostSentiment"] = "a TextIndex through DefineFunction",
        ["sklearn-xgboost-lightgbm/LinearDiscriminantAnalysisSentiment"] = "a TextIndex through DefineFunction",
        ["sklearn-xgboost-lightgbm/LinearSVCSentiment"] = "a TextIndex through DefineFunction",
        ["sklearn-xgboost-lightgbm/LogisticRegressionSentiment"] = "a TextIndex through DefineFunction",
    };

    /// <summary>Models outside the tensor plan (so not on the GPU) that the ONNX export still writes directly: regression models and selectFirst over them.</summary>
    public static readonly IReadOnlySet<string> OnnxDirect = new HashSet<string>
    {
        "sklearn-xgboost-lightgbm/SelectFirstAudit", "sklearn-xgboost-lightgbm/SelectFirstAuto", "sklearn-xgboost-lightgbm/LinearRegressionAuto",
        "sklearn-xgboost-lightgbm/LogisticRegressionAudit", "sklearn-xgboost-lightgbm/LogisticRegressionIris", "rapidminer/RegressionAuto",
        "sklearn-xgboost-lightgbm/IsotonicRegressionAuto",
    };

    public static IEnumerable<ConformanceCase> Covered() => ConformanceCase.Load().Where(c => !Refused.ContainsKey(c.Name));
}
