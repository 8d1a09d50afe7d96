namespace PmmlEngine.Functions;

/// <summary>Vector arithmetic of TextModel: unit length for cosine normalization, cosine similarity, euclidean distance.</summary>
internal static class TextModelMath
{
    /// <summary>A term's count under localTermWeights; <paramref name="maximum"/> is the document's largest dictionary-term count.</summary>
    public static double LocalWeight(Model.LocalTermWeights weights, double count, double maximum) => weights switch
    {
        Model.LocalTermWeights.Binary => count > 0 ? 1 : 0,
        Model.LocalTermWeights.Logarithmic => Math.Log10(1 + count),
        Model.LocalTermWeights.AugmentedNormalizedTermFrequency => count == 0 ? 0 : 0.5 * (1 + count / maximum),
        _ => count,
    };

    public static double[] Normalize(double[] vector)
    {
        var length = Math.Sqrt(vector.Sum(v => v * v));
        return length == 0 ? vector : vector.Select(v => v / length).ToArray();
    }

    public static double Cosine(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double dot = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return aa == 0 || bb == 0 ? 0 : dot / Math.Sqrt(aa * bb);
    }

    public static double Euclidean(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.Sqrt(sum);
    }
}
