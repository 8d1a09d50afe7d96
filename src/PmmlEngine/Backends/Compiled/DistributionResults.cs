using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>
/// The results of a classification that are all its target or plain probabilities, read straight from its distribution
/// and most probable category as the general path would write them, so that a direct path (<see cref="DirectRegression"/>,
/// <see cref="DirectForest"/>) writes no result the caller does not read.
/// </summary>
internal sealed class DistributionResults
{
    // Per result: the target category whose probability it is, or -1 for the target.
    private readonly int[] _probabilityAt;
    // Per result that is the target: the value it is for each category (the category converted to the field's type, as
    // the general path writes it); null for the probabilities.
    private readonly Value[]?[] _targetByCategory;

    private DistributionResults(int[] probabilityAt, Value[]?[] targetByCategory)
    {
        _probabilityAt = probabilityAt;
        _targetByCategory = targetByCategory;
    }

    /// <summary>
    /// Per result (ResultNames order): the index in <paramref name="model"/>'s outputs of the output it reads, or -1 for
    /// a target; false when a result is neither (a field of several slots, an output of another model).
    /// </summary>
    public static bool TryFindSources(DocumentPlan plan, ModelPlan model, IReadOnlyList<PublicField> results, out int[] sources, out DataType[] types)
    {
        sources = new int[results.Count];
        types = new DataType[results.Count];
        for (var r = 0; r < results.Count; r++)
        {
            var field = results[r];
            if (field.Slots is not [var slot])
                return false;
            sources[r] = Array.FindIndex(model.Outputs, o => o.Slot == slot);
            if (sources[r] < 0 && !plan.Targets.Any(t => t.Slots[0] == slot))
                return false;
            types[r] = field.DataType;
        }
        return true;
    }

    /// <summary>
    /// The target category whose probability an output is, read from the distribution as OutputInterpreter's lookup reads
    /// it, when it is a plain probability of a named category; -1 for any other output.
    /// </summary>
    public static int ProbabilityIndex(OutputPlan output) =>
        output is { Field.Feature: ResultFeature.Probability, DataType: DataType.Double, CategoryIndex: >= 0 and var k } ? k : -1;

    /// <summary>
    /// The results of a classification <paramref name="model"/> whose results (<see cref="TryFindSources"/>) are all its
    /// target or plain probabilities; null for any other model.
    /// </summary>
    public static DistributionResults? TryCreate(ModelPlan model, int[] sources, DataType[] types)
    {
        if (model.Function != MiningFunction.Classification)
            return null;
        var probabilityAt = new int[sources.Length];
        var targetByCategory = new Value[]?[sources.Length];
        // Plain loops: LINQ over values would be generic code that is not precompiled, compiled at load.
        var categories = model.Target.Categories;
        for (var r = 0; r < sources.Length; r++)
        {
            if (sources[r] >= 0)
            {
                probabilityAt[r] = ProbabilityIndex(model.Outputs[sources[r]]);
                if (probabilityAt[r] < 0)
                    return null;
                continue;
            }
            probabilityAt[r] = -1;
            var values = targetByCategory[r] = new Value[categories.Length];
            for (var c = 0; c < categories.Length; c++)
                values[c] = ValueParser.Convert(categories[c], types[r]);
        }
        return new DistributionResults(probabilityAt, targetByCategory);
    }

    /// <summary>Result <paramref name="r"/> of a record whose distribution and most probable category are these.</summary>
    public Value ResultAt(int r, double[] distribution, int best) =>
        _probabilityAt[r] is var k and >= 0 ? Value.Of(distribution[k]) : _targetByCategory[r]![best];
}
