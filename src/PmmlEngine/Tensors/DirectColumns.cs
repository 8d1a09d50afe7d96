using PmmlEngine.Backends.Compiled;
using PmmlEngine.Evaluation;
using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Tensors;

/// <summary>
/// Base columns copied straight from the numeric batch inputs, for models whose record path could do nothing else with
/// them: every field the trees read is a numeric input, reached through MiningFields that can neither replace nor
/// reject a value and through cast chains (sklearn2pmml's double(float(x))), and no checked field can reject a record.
/// Then a column is its input, rounded to float if a cast in the chain says so, and preparing a row costs a copy.
/// </summary>
internal sealed class DirectColumns
{
    private readonly int[] _input;
    private readonly bool[] _float;

    private DirectColumns(int[] input, bool[] toFloat)
    {
        _input = input;
        _float = toFloat;
    }

    /// <summary>The copy plan for the features' columns, or null when some field needs the record path.</summary>
    public static DirectColumns? TryCreate(PmmlEvaluator evaluator, FeatureMap features)
    {
        var plan = evaluator.DocumentPlan;
        var inputs = evaluator.Inputs.Select(i => i.Index).ToList();
        if (!plan.Model.ActiveSlots.All(slot => Resolve(plan, slot, inputs, out _) >= 0))
            return null;
        var input = new int[features.Count];
        var toFloat = new bool[features.Count];
        for (var f = 0; f < features.Count; f++)
            if ((input[f] = Resolve(plan, features.Slot(f), inputs, out toFloat[f])) < 0)
                return null;
        return new DirectColumns(input, toFloat);
    }

    /// <summary>The input a slot copies (with its float rounding), or -1 when the record path may do more than copy it.</summary>
    private static int Resolve(DocumentPlan plan, int slot, List<int> inputs, out bool toFloat)
    {
        toFloat = false;
        while (true)
        {
            switch (plan.Slots[slot])
            {
                case InputSlot input when input.DataType is DataType.Double or DataType.Float:
                    toFloat |= input.DataType == DataType.Float;
                    return inputs.IndexOf(slot);
                case PreparedSlot prepared when Inert(prepared):
                    slot = prepared.Source;
                    continue;
                case DerivedSlot { CopyOf: >= 0 } derived when derived.DataType is DataType.Double or DataType.Float:
                    toFloat |= derived.DataType == DataType.Float;
                    slot = derived.CopyOf;
                    continue;
                default:
                    return -1;
            }
        }
    }

    /// <summary>A MiningField that passes every number and every missing value through unchanged.</summary>
    private static bool Inert(PreparedSlot prepared) =>
        !prepared.MissingReplacement.HasValue && prepared.Field.MissingValueTreatment != MissingValueTreatment.ReturnInvalid
        && prepared.Domain is null or { Intervals.Count: 0, ValidValues.Count: 0, HasInvalidValues: false, HasMissingValues: false }
        && (prepared.Field.Outliers == OutlierTreatment.AsIs || prepared.Field.LowValue is null && prepared.Field.HighValue is null);

    /// <summary>One row's base columns from its inputs, encoded as <see cref="FeatureMap"/> encodes them.</summary>
    public void Load(ReadOnlySpan<double> input, Span<double> columns)
    {
        for (var f = 0; f < _input.Length; f++)
        {
            var x = input[_input[f]];
            columns[f] = double.IsNaN(x) ? Features.Missing : _float[f] ? (float)x : x;
        }
    }
}
