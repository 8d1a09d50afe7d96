using System.Runtime.CompilerServices;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// A feature vector read straight from a record's input values when the top model's MiningSchema keeps every one of them
/// as it is (<see cref="KeptInputs"/>): each feature is an input, directly or through a cast chain, so the vector needs
/// neither the slot buffer nor the treatments. Shared by the single tree's direct path (<see cref="DirectTree"/>) and the
/// batch kernels of tree sums, which otherwise read every row through the record path.
/// </summary>
internal sealed class KeptFeatures
{
    private readonly FeatureMap _map;
    private readonly KeptInputs _inputs;
    private readonly int[] _featureInputs;
    private readonly DataType[][] _featureCasts;
    // Per categorical feature, its code for each of its input's valid values by position: a kept category is held as its
    // position, and the table spares making its value and finding that again among the codes. Null for other features.
    private readonly double[]?[] _positionCodes;

    private KeptFeatures(FeatureMap map, KeptInputs inputs, int[] featureInputs, DataType[][] featureCasts, double[]?[] positionCodes)
    {
        _map = map;
        _inputs = inputs;
        _featureInputs = featureInputs;
        _featureCasts = featureCasts;
        _positionCodes = positionCodes;
    }

    /// <summary>
    /// The direct reading of <paramref name="features"/>, or null when the top model does not prepare each input once, or
    /// a feature is not an input of a type read as it comes (a computed field, a category behind a cast, text cast to a
    /// number: the general path handles those). Made once the document is compiled: the trees' compilation adds the
    /// categories' codes.
    /// </summary>
    public static KeptFeatures? TryCreate(DocumentPlan plan, ModelPlan top, FeatureMap features)
    {
        if (KeptInputs.For(plan, top) is not { } inputs)
            return null;
        var featureInputs = new int[features.Count];
        var featureCasts = new DataType[features.Count][];
        var positionCodes = new double[]?[features.Count];
        for (var f = 0; f < features.Count; f++)
        {
            // A cast chain (double(float(x))) read back to the prepared field it copies, as RowContext reads it.
            var at = plan.CopyRoot(features.Slot(f), out var casts);
            var input = inputs.InputAt(at);
            // Categories are read by the field's own code table, so they are read as they come, without casts; numbers
            // come from numeric fields through numeric casts (text cast to a number is parsed by the general path).
            if (input < 0 || (features.IsCategorical(f)
                    ? casts.Length > 0 || inputs[input].DataType != DataType.String
                    : !KeptInputs.IsNumeric(inputs[input].DataType) || !casts.All(KeptInputs.IsNumeric)))
                return null;
            featureInputs[f] = input;
            featureCasts[f] = casts;
            if (features.IsCategorical(f))
            {
                // A plain loop: LINQ over numbers would be generic code that is not precompiled, compiled at load.
                var domain = plan.Inputs[input].Domain;
                var codes = positionCodes[f] = new double[domain.ValidValues.Count];
                for (var p = 0; p < codes.Length; p++)
                    codes[p] = features.Encode(f, domain.ValidValueAt(p));
            }
        }
        return new KeptFeatures(features, inputs, featureInputs, featureCasts, positionCodes);
    }

    public int Count => _featureInputs.Length;

    /// <summary>
    /// The record's features (<see cref="FeatureMap"/>'s encoding, in the first <see cref="Count"/> of the span) when the
    /// treatments keep every input as it is, or with <paramref name="missingValues"/> leave a missing one missing (a
    /// missing feature); false, with <paramref name="features"/> untouched, when some value needs the general path.
    /// Inlined: the single tree's direct walk keeps its reading in one method, as before it was shared.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryLoad(InputRecord record, Span<double> features, bool missingValues = false)
    {
        if (!Keeps(record, missingValues))
            return false;
        Load(record, features);
        return true;
    }

    /// <summary>Whether <see cref="TryLoad"/> reads the record (its first check, alone).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Keeps(InputRecord record, bool missingValues = false) =>
        missingValues ? _inputs.KeepAllOrMissing(record) : _inputs.KeepAll(record);

    /// <summary>
    /// The features of a record that <see cref="Keeps"/> says is read: for features over the same inputs as another
    /// reading's (a chain's links), which checked the record already.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Load(InputRecord record, Span<double> features)
    {
        features = features[.._featureInputs.Length];
        for (var f = 0; f < features.Length; f++)
        {
            var input = _featureInputs[f];
            if (!record.TryGetNumber(input, out var x))
            {
                // A kept category of a string field (or a missing value), coded as the general path codes it. Numbers,
                // the common feature, are read first and pay nothing for this.
                var position = record.PositionOf(input);
                features[f] = position >= 0 && _positionCodes[f] is { } byPosition ? byPosition[position] : _map.Encode(f, record[input]);
                continue;
            }
            // A number cast to these types is ValueParser.Convert's number.
            foreach (var type in _featureCasts[f])
                x = type == DataType.Float ? (float)x : type == DataType.Integer ? Math.Truncate(x) : x;
            features[f] = Features.Number(x);
        }
    }
}
