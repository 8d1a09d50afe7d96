using System.Globalization;
using PmmlEngine.Evaluation;

namespace PmmlEngine.Benchmarks;

/// <summary>Where the benchmarks find their models: the shared conformance corpus beside the repository, or generated ones.</summary>
public static class Corpus
{
    public static string Conformance
    {
        get
        {
            if (Environment.GetEnvironmentVariable("PMML_CONFORMANCE_DIR") is { Length: > 0 } configured)
                return configured;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "PmmlEngine.sln")))
                    return Path.Combine(dir.FullName, "..", "shared", "conformance");
            throw new DirectoryNotFoundException("set PMML_CONFORMANCE_DIR to the conformance corpus");
        }
    }

    /// <summary>The seven models jpmml-evaluator's figures were taken on, with their input CSVs.</summary>
    public static readonly Dictionary<string, string> JpmmlBaselineModels = new()
    {
        ["DecisionTreeIris"] = "Iris",
        ["LogisticRegressionAudit"] = "Audit",
        ["GradientBoostingAudit"] = "Audit",
        ["RandomForestAudit"] = "Audit",
        ["LightGBMAudit"] = "Audit",
        ["XGBoostAuto"] = "Auto",
        ["LogisticRegressionSentiment"] = "Sentiment",
    };

    public static string ConformanceModel(string name) => Path.Combine(Conformance, "sklearn-xgboost-lightgbm", "pmml", name + ".pmml");

    public static string ConformanceInput(string name) => Path.Combine(Conformance, "sklearn-xgboost-lightgbm", "csv", JpmmlBaselineModels[name] + ".csv");

    public static readonly string[] GeneratedModels = ["gbdt-500x8", "rf-100x12", "lr-20-derived", "mlp-28x64x32"];

    /// <summary>The generated models by name (<see cref="GeneratedModels"/>); 28 features, as in the HIGGS-sized GBDT the targets are stated for.</summary>
    public static string Generated(string name) => name switch
    {
        "gbdt-500x8" => ModelGenerator.Gbdt(trees: 500, depth: 8, features: 28, seed: 1),
        "rf-100x12" => ModelGenerator.RandomForest(trees: 100, depth: 12, features: 28, seed: 2),
        "lr-20-derived" => ModelGenerator.LogisticRegression(derived: 20, features: 28, seed: 3),
        "mlp-28x64x32" => ModelGenerator.NeuralNetwork(features: 28, hidden: [64, 32], seed: 4),
        _ => throw new ArgumentException($"no generated model '{name}'", nameof(name)),
    };

    public static PmmlEvaluator Load(string pmml, Backend backend)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(pmml));
        return PmmlEvaluator.Load(stream, new EvaluatorOptions { Backend = backend });
    }

    /// <summary>A CSV's rows as cells, aligned with the evaluator's input fields (null where a column is absent).</summary>
    public static string?[][] Rows(string csvPath, PmmlEvaluator evaluator)
    {
        var lines = File.ReadAllLines(csvPath);
        var header = SplitCsv(lines[0]);
        var columns = evaluator.InputFields.Select(f => Array.IndexOf(header, f.Name)).ToArray();
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var cells = SplitCsv(l);
            return columns.Select(c => c < 0 || c >= cells.Length ? null : cells[c]).ToArray();
        }).ToArray();
    }

    /// <summary>Enough of CSV for the corpus: quoted cells may hold commas and doubled quotes.</summary>
    private static string[] SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells.ToArray();
    }

    public static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
