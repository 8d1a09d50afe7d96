using System.Globalization;
using System.Text;

namespace PmmlEngine.Benchmarks;

/// <summary>
/// Writes synthetic PMML models of a chosen size, shaped like what sklearn2pmml writes, with matching input rows:
/// the large models no corpus file provides (a 500-tree GBDT, a 100-tree forest, a regression behind 20 derived fields,
/// a multilayer perceptron).
/// </summary>
public static class ModelGenerator
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// Gradient boosting regression: a sum of binary trees of the given depth over continuous features, full unless
    /// <paramref name="minLeafDepth"/> lets leaves appear from that level on.
    /// </summary>
    public static string Gbdt(int trees, int depth, int features, int seed, int? minLeafDepth = null)
    {
        var random = new Random(seed);
        var pmml = Header(features, "y", classification: false);
        pmml.Append("<MiningModel functionName=\"regression\">").Append(Schema(features, "y"));
        pmml.Append("<Segmentation multipleModelMethod=\"sum\">");
        for (var t = 0; t < trees; t++)
        {
            pmml.Append(CultureInfo.InvariantCulture, $"<Segment id=\"{t + 1}\"><True/><TreeModel functionName=\"regression\" noTrueChildStrategy=\"returnLastPrediction\">");
            pmml.Append(Schema(features, null));
            Node(pmml, random, features, depth, minLeafDepth ?? depth, classification: false, "<True/>", 0);
            pmml.Append("</TreeModel></Segment>");
        }
        pmml.Append("</Segmentation></MiningModel></PMML>");
        return pmml.ToString();
    }

    /// <summary>Random forest classification: unbalanced trees (leaves from depth 4 on) voting by averaged probabilities.</summary>
    public static string RandomForest(int trees, int depth, int features, int seed)
    {
        var random = new Random(seed);
        var pmml = Header(features, "label", classification: true);
        pmml.Append("<MiningModel functionName=\"classification\">").Append(Schema(features, "label"));
        pmml.Append("<Segmentation multipleModelMethod=\"average\">");
        for (var t = 0; t < trees; t++)
        {
            pmml.Append(CultureInfo.InvariantCulture, $"<Segment id=\"{t + 1}\"><True/><TreeModel functionName=\"classification\">");
            pmml.Append(Schema(features, "label"));
            Node(pmml, random, features, depth, minLeafDepth: 4, classification: true, "<True/>", 0);
            pmml.Append("</TreeModel></Segment>");
        }
        pmml.Append("</Segmentation></MiningModel></PMML>");
        return pmml.ToString();
    }

    /// <summary>Logistic regression over derived fields: normalisations, discretisations, arithmetic and a lookup table.</summary>
    public static string LogisticRegression(int derived, int features, int seed)
    {
        var random = new Random(seed);
        var pmml = Header(features, "label", classification: true);
        pmml.Append("<TransformationDictionary>");
        for (var d = 0; d < derived; d++)
        {
            var f = $"f{d % features}";
            var g = $"f{(d + 1) % features}";
            pmml.Append(CultureInfo.InvariantCulture, $"<DerivedField name=\"d{d}\" optype=\"continuous\" dataType=\"double\">");
            pmml.Append((d % 4) switch
            {
                0 => $"<NormContinuous field=\"{f}\"><LinearNorm orig=\"-3\" norm=\"0\"/><LinearNorm orig=\"0\" norm=\"0.5\"/><LinearNorm orig=\"3\" norm=\"1\"/></NormContinuous>",
                1 => $"<Apply function=\"ln\"><Apply function=\"+\"><Apply function=\"abs\"><FieldRef field=\"{f}\"/></Apply><Constant>1</Constant></Apply></Apply>",
                2 => $"<Apply function=\"*\"><FieldRef field=\"{f}\"/><FieldRef field=\"{g}\"/></Apply>",
                _ => $"<Discretize field=\"{f}\"><DiscretizeBin binValue=\"-1\"><Interval closure=\"openClosed\" rightMargin=\"-1\"/></DiscretizeBin><DiscretizeBin binValue=\"0\"><Interval closure=\"openClosed\" leftMargin=\"-1\" rightMargin=\"1\"/></DiscretizeBin><DiscretizeBin binValue=\"1\"><Interval closure=\"openOpen\" leftMargin=\"1\"/></DiscretizeBin></Discretize>",
            });
            pmml.Append("</DerivedField>");
        }
        pmml.Append("</TransformationDictionary>");
        pmml.Append("<RegressionModel functionName=\"classification\" normalizationMethod=\"logit\">").Append(Schema(features, "label"));
        pmml.Append(CultureInfo.InvariantCulture, $"<RegressionTable intercept=\"{Number(random.NextDouble())}\" targetCategory=\"yes\">");
        for (var d = 0; d < derived; d++)
            pmml.Append(CultureInfo.InvariantCulture, $"<NumericPredictor name=\"d{d}\" coefficient=\"{Number(random.NextDouble() - 0.5)}\"/>");
        pmml.Append("</RegressionTable><RegressionTable intercept=\"0\" targetCategory=\"no\"/></RegressionModel></PMML>");
        return pmml.ToString();
    }

    /// <summary>
    /// A multilayer perceptron classifier shaped like sklearn2pmml's MLPClassifier: fully connected rectifier layers of
    /// the given widths, one logistic output neuron, and the identity layer that turns it into the two probabilities.
    /// Weights are He-scaled normals, so activations neither vanish nor explode through the layers.
    /// </summary>
    public static string NeuralNetwork(int features, int[] hidden, int seed)
    {
        var random = new Random(seed);
        var pmml = Header(features, "label", classification: true);
        pmml.Append("<NeuralNetwork functionName=\"classification\" activationFunction=\"rectifier\">").Append(Schema(features, "label"));
        pmml.Append("<NeuralInputs>");
        for (var i = 0; i < features; i++)
            pmml.Append(CultureInfo.InvariantCulture, $"<NeuralInput id=\"i{i}\"><DerivedField optype=\"continuous\" dataType=\"double\"><FieldRef field=\"f{i}\"/></DerivedField></NeuralInput>");
        pmml.Append("</NeuralInputs>");
        var previous = Enumerable.Range(0, features).Select(i => $"i{i}").ToArray();
        void Layer(string attributes, string[] ids)
        {
            pmml.Append(CultureInfo.InvariantCulture, $"<NeuralLayer{attributes}>");
            var scale = Math.Sqrt(2.0 / previous.Length);
            foreach (var id in ids)
            {
                pmml.Append(CultureInfo.InvariantCulture, $"<Neuron id=\"{id}\" bias=\"{Number(0.1 * Gaussian(random))}\">");
                foreach (var from in previous)
                    pmml.Append(CultureInfo.InvariantCulture, $"<Con from=\"{from}\" weight=\"{Number(scale * Gaussian(random))}\"/>");
                pmml.Append("</Neuron>");
            }
            pmml.Append("</NeuralLayer>");
            previous = ids;
        }
        for (var l = 0; l < hidden.Length; l++)
            Layer("", Enumerable.Range(0, hidden[l]).Select(k => $"h{l}_{k}").ToArray());
        Layer(" activationFunction=\"logistic\"", ["out"]);
        pmml.Append("<NeuralLayer activationFunction=\"identity\"><Neuron id=\"no\" bias=\"1\"><Con from=\"out\" weight=\"-1\"/></Neuron>");
        pmml.Append("<Neuron id=\"yes\" bias=\"0\"><Con from=\"out\" weight=\"1\"/></Neuron></NeuralLayer><NeuralOutputs>");
        foreach (var label in new[] { "no", "yes" })
            pmml.Append(CultureInfo.InvariantCulture, $"<NeuralOutput outputNeuron=\"{label}\"><DerivedField optype=\"categorical\" dataType=\"string\"><NormDiscrete field=\"label\" value=\"{label}\"/></DerivedField></NeuralOutput>");
        pmml.Append("</NeuralOutputs></NeuralNetwork></PMML>");
        return pmml.ToString();
    }

    /// <summary>Rows of standard normal features, as CSV with a header.</summary>
    public static string Rows(int rows, int features, int seed)
    {
        var random = new Random(seed);
        var csv = new StringBuilder(string.Join(",", Enumerable.Range(0, features).Select(i => $"f{i}"))).Append('\n');
        for (var r = 0; r < rows; r++)
            csv.AppendJoin(',', Enumerable.Range(0, features).Select(_ => Number(Gaussian(random)))).Append('\n');
        return csv.ToString();
    }

    public static double[] Matrix(int rows, int features, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows * features).Select(_ => Gaussian(random)).ToArray();
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>
    /// One node and its subtree: a leaf at <paramref name="depth"/>, or from <paramref name="minLeafDepth"/> on with
    /// probability 0.35; otherwise a binary split "x &lt;= t" / "x &gt; t" on a random feature, as sklearn writes it.
    /// </summary>
    private static void Node(StringBuilder pmml, Random random, int features, int depth, int minLeafDepth, bool classification, string predicate, int level)
    {
        if (classification)
        {
            var no = random.Next(1, 50);
            var yes = random.Next(0, 50);
            pmml.Append(CultureInfo.InvariantCulture, $"<Node score=\"{(no >= yes ? "no" : "yes")}\" recordCount=\"{no + yes}\">{predicate}");
            pmml.Append(CultureInfo.InvariantCulture, $"<ScoreDistribution value=\"no\" recordCount=\"{no}\"/><ScoreDistribution value=\"yes\" recordCount=\"{yes}\"/>");
        }
        else
        {
            pmml.Append(CultureInfo.InvariantCulture, $"<Node score=\"{Number(random.NextDouble() * 0.2 - 0.1)}\">{predicate}");
        }
        var leaf = level == depth || level >= minLeafDepth && random.NextDouble() < 0.35;
        if (!leaf)
        {
            var feature = $"f{random.Next(features)}";
            var threshold = Number(Math.Round(Gaussian(random), 4));
            foreach (var op in new[] { "lessOrEqual", "greaterThan" })
                Node(pmml, random, features, depth, minLeafDepth, classification,
                    $"<SimplePredicate field=\"{feature}\" operator=\"{op}\" value=\"{threshold}\"/>", level + 1);
        }
        pmml.Append("</Node>");
    }

    private static StringBuilder Header(int features, string target, bool classification)
    {
        var pmml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><PMML xmlns=\"http://www.dmg.org/PMML-4_4\" version=\"4.4\"><Header/><DataDictionary>");
        for (var i = 0; i < features; i++)
            pmml.Append(CultureInfo.InvariantCulture, $"<DataField name=\"f{i}\" optype=\"continuous\" dataType=\"double\"/>");
        pmml.Append(classification
            ? $"<DataField name=\"{target}\" optype=\"categorical\" dataType=\"string\"><Value value=\"no\"/><Value value=\"yes\"/></DataField>"
            : $"<DataField name=\"{target}\" optype=\"continuous\" dataType=\"double\"/>");
        return pmml.Append("</DataDictionary>");
    }

    private static string Schema(int features, string? target) =>
        "<MiningSchema>" + (target is null ? "" : $"<MiningField name=\"{target}\" usageType=\"target\"/>")
        + string.Concat(Enumerable.Range(0, features).Select(i => $"<MiningField name=\"f{i}\"/>")) + "</MiningSchema>";

    private static string Number(double x) => x.ToString("R", Invariant);
}
